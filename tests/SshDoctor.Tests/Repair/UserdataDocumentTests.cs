using System.Diagnostics;
using System.Text;
using SshDoctor.Cli;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Repair;

namespace SshDoctor.Tests.Repair;

public sealed class UserdataDocumentTests
{
    private const string Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHZxb3Rlc3RrZXlmb3JzaGRvY3RvcnVzZXJkYXRh lab@client";

    [Fact]
    public void Document_is_multipart_with_cloud_config_and_shell_script()
    {
        var doc = UserdataDocument.Build("ec2-user", Key);
        var b = UserdataDocument.Boundary;
        Assert.StartsWith($"Content-Type: multipart/mixed; boundary=\"{b}\"\nMIME-Version: 1.0\n\n--{b}\n", doc);
        Assert.EndsWith($"\n--{b}--\n", doc);
        Assert.Equal(2, CountOf(doc, $"\n--{b}\n")); // two parts
        Assert.Contains("Content-Type: text/cloud-config; charset=\"us-ascii\"\n", doc);
        Assert.Contains("#cloud-config\n", doc);
        Assert.Contains("\ncloud_final_modules: [[scripts-user, always]]\n", doc);
        Assert.Contains("Content-Type: text/x-shellscript; charset=\"us-ascii\"\n", doc);
        Assert.DoesNotContain('\r', doc);
        // the boundary never appears inside a part
        var script = UserdataDocument.ExtractScript(doc);
        Assert.DoesNotContain(b, script);
        Assert.StartsWith("#!/bin/sh\n", script);
        Assert.Contains("SSHDOCTOR_USER='ec2-user'\n", script);
        Assert.Contains($"SSHDOCTOR_KEY='{Key}'\n", script);
        Assert.DoesNotContain("@@SSHDOCTOR_", script);
    }

    private static int CountOf(string s, string needle)
    {
        var n = 0;
        for (var i = s.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = s.IndexOf(needle, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    [Fact]
    public void Without_key_the_key_variable_is_empty()
    {
        var script = UserdataDocument.Script("ubuntu", null);
        Assert.Contains("SSHDOCTOR_KEY=''\n", script);
    }

    [Fact]
    public void Base64_round_trips()
    {
        var doc = UserdataDocument.Build("admin", Key + " émoji-ü");
        var bytes = Convert.FromBase64String(UserdataDocument.ToBase64(doc));
        // larger than EC2's 16 KB: gzip-compressed, which cloud-init recognizes by its magic
        Assert.True(Encoding.UTF8.GetByteCount(doc) <= UserdataDocument.Ec2UserDataLimit || bytes is [0x1f, 0x8b, ..]);
        Assert.True(bytes.Length <= UserdataDocument.Ec2UserDataLimit, $"{bytes.Length} bytes of user data");
        var decoded = UserdataDocument.FromEc2(bytes);
        Assert.Equal(doc, decoded);
        Assert.Contains("Content-Type: text/x-shellscript; charset=\"utf-8\"", doc);
        Assert.Contains("Content-Transfer-Encoding: 8bit", doc);
    }

    [Theory]
    [InlineData("it's mine")]
    [InlineData("$(touch /tmp/pwned) `id` $HOME ${PATH}")]
    [InlineData("\"double\" 'single' '\\'' \\n back\\slash")]
    [InlineData("'")]
    [InlineData("a;rm -rf /;b | c & d")]
    public void Hostile_key_comments_reach_the_shell_literally(string comment)
    {
        var line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA " + comment;
        var script = UserdataDocument.Script("alice", line);
        var assignment = script.Split('\n').Single(l => l.StartsWith("SSHDOCTOR_KEY=", StringComparison.Ordinal));
        // What sh makes of the assignment: run it and print the variable.
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(assignment + "\nprintf '%s' \"$SSHDOCTOR_KEY\"\n");
        p.StandardInput.Close();
        var printed = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(line, printed);
    }

    [Fact]
    public void Control_characters_in_a_comment_cannot_break_the_line()
    {
        var script = UserdataDocument.Script("alice", "ssh-ed25519 AAAA x\ny\rz");
        Assert.Contains("SSHDOCTOR_KEY='ssh-ed25519 AAAA x y z'\n", script);
    }

    [Theory]
    [InlineData("ec2-user", true)]
    [InlineData("ubuntu", true)]
    [InlineData("_svc", true)]
    [InlineData("machine$", true)]
    [InlineData("a.b-c_d", true)]
    [InlineData("", false)]
    [InlineData("-rf", false)]
    [InlineData("1000", false)]
    [InlineData("bad name", false)]
    [InlineData("x'y", false)]
    [InlineData("$(id)", false)]
    [InlineData("abcdefghijabcdefghijabcdefghijabc", false)]
    public void User_names_are_validated(string name, bool valid)
    {
        Assert.Equal(valid, UserdataDocument.IsValidUserName(name));
        if (!valid) Assert.Throws<ArgumentException>(() => UserdataDocument.Script(name, null));
    }

    [Fact]
    public void Generated_script_passes_shellcheck_in_posix_mode()
    {
        const string shellcheck = "/usr/bin/shellcheck";
        Assert.True(File.Exists(shellcheck),
            "shellcheck is missing: install it (apt-get install shellcheck, or scripts/install-lab-tools.sh) to check userdata's script with `shellcheck -s sh`");
        foreach (var key in new[] { Key, null, "ssh-rsa AAAAB3 it's \"$(x)\" `y`" })
        {
            var path = Path.Combine(Path.GetTempPath(), $"sshdoctor-userdata-{Environment.ProcessId}.sh");
            File.WriteAllText(path, UserdataDocument.ExtractScript(UserdataDocument.Build("ec2-user", key)));
            try
            {
                var psi = new ProcessStartInfo(shellcheck) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var a in new[] { "-s", "sh", path }) psi.ArgumentList.Add(a);
                using var p = Process.Start(psi)!;
                var stdout = p.StandardOutput.ReadToEnd(); // small outputs: reading one stream after the other is safe
                var stderr = p.StandardError.ReadToEnd();
                p.WaitForExit();
                Assert.True(p.ExitCode == 0, $"shellcheck -s sh exited {p.ExitCode}:\n{stdout}{stderr}");
            }
            finally { File.Delete(path); }
        }
    }

    [Fact]
    public void Script_has_no_bashisms_dash_can_parse_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sshdoctor-userdata-n-{Environment.ProcessId}.sh");
        File.WriteAllText(path, UserdataDocument.Script("ec2-user", Key));
        try
        {
            var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-n", path }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, err);
        }
        finally { File.Delete(path); }
    }
}

public sealed class UserdataCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => SshDoctor.TestSupport.CliRunner.Run(args);

    /// <summary>A well-formed ed25519 public key line (type string + 32 bytes) with a hostile comment.</summary>
    private static readonly string Blob = Convert.ToBase64String(
        [0, 0, 0, 11, .. Encoding.ASCII.GetBytes("ssh-ed25519"), 0, 0, 0, 32, .. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private static string PubFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sshdoctor-ud-{Environment.ProcessId}.pub");
        File.WriteAllText(path, $"ssh-ed25519 {Blob} it's $HOME\n");
        return path;
    }

    [Fact]
    public void Stdout_is_the_pure_document_and_steps_go_to_stderr()
    {
        var (code, stdout, stderr) = Run("userdata", "--user", "ec2-user", "--key", PubFile(), "--lang", "en");
        Assert.Equal(0, code);
        Assert.StartsWith("Content-Type: multipart/mixed;", stdout);
        Assert.EndsWith("--\n", stdout);
        Assert.Contains("Instance settings > Edit user data", stderr);
        Assert.Contains("Auto Scaling", stderr);
        Assert.Contains("Elastic IP", stderr);
        Assert.Contains("instance store", stderr);
        Assert.Contains($"SSHDOCTOR_KEY='ssh-ed25519 {Blob} it'\\''s $HOME'", stdout);
    }

    [Fact]
    public void Base64_output_decodes_to_the_document_and_steps_show_the_aws_command()
    {
        var (_, plain, _) = Run("userdata", "--user", "ubuntu", "--lang", "fr");
        var (code, stdout, stderr) = Run("userdata", "--user", "ubuntu", "--base64", "--lang", "fr");
        Assert.Equal(0, code);
        Assert.Equal(plain, UserdataDocument.FromEc2(Convert.FromBase64String(stdout.Trim())));
        Assert.Contains("aws ec2 modify-instance-attribute --instance-id INSTANCE_ID --attribute userData --value file://sshdoctor-userdata.b64", stderr);
        Assert.Contains("Auto Scaling", stderr);
    }

    [Fact]
    public void Json_carries_document_base64_key_and_localized_steps()
    {
        var (code, stdout, _) = Run("userdata", "--user", "admin", "--key", PubFile(), "--json", "--lang", "ja");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var r = doc.RootElement;
        Assert.Equal("sshdoctor", r.GetProperty("tool").GetString());
        Assert.Equal(1, r.GetProperty("schema").GetInt32());
        Assert.Equal("userdata", r.GetProperty("command").GetString());
        Assert.Equal("admin", r.GetProperty("user").GetString());
        Assert.Equal("ssh-ed25519", r.GetProperty("key").GetProperty("type").GetString());
        var document = r.GetProperty("document").GetString()!;
        Assert.Equal(document, UserdataDocument.FromEc2(Convert.FromBase64String(r.GetProperty("base64").GetString()!)));
        var steps = r.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(6, steps.Count);
        Assert.Contains(steps, s => s.Contains("ユーザーデータを編集", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("-x")]
    [InlineData("a'b")]
    public void Invalid_user_exits_2_with_one_line(string user)
    {
        var (code, stdout, stderr) = Run("userdata", "--user", user, "--lang", "en");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Missing_user_or_unreadable_key_exits_2()
    {
        Assert.Equal(2, Run("userdata").Code);
        var (code, stdout, _) = Run("userdata", "--user", "ec2-user", "--key", "/nonexistent/key.pub", "--lang", "en");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData(Lang.En)]
    [InlineData(Lang.Fr)]
    [InlineData(Lang.Pt)]
    [InlineData(Lang.Ko)]
    [InlineData(Lang.Ja)]
    public void Every_language_has_the_userdata_texts(Lang lang)
    {
        var m = Messages.For(lang);
        foreach (var k in new[] { "userdata.intro", "userdata.warn.asg", "userdata.warn.ip", "userdata.warn.instance_store", "userdata.step.paste", "userdata.step.aws" })
            Assert.NotEqual(k, m.Get(k));
    }
}

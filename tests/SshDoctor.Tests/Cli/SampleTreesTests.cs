using System.Text.Json;

namespace SshDoctor.Tests.Cli;

/// <summary>
/// The Amazon Linux 2023 and Ubuntu 24.04 samples beside samples/broken-volume: exactly what `check` reports on each
/// (verdict, every finding ID with its severity, and the origin of the values behind them).
/// </summary>
public sealed class SampleTreesTests
{
    private static string Samples()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !Directory.Exists(Path.Combine(repo.FullName, "samples", "broken-volume"))) repo = repo.Parent;
        Assert.True(repo is not null, "samples/ not found above " + AppContext.BaseDirectory);
        return Path.Combine(repo!.FullName, "samples");
    }

    private static JsonElement Check(params string[] args)
    {
        var r = Support.Cli.Run(["check", .. args, "--json"]);
        Assert.True(r.Exit is 0 or 1, $"check exited {r.Exit}: {r.Err}");
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement.Clone();
        Assert.Equal(root.GetProperty("verdict").GetString() == "accepted" ? 0 : 1, r.Exit);
        return root;
    }

    private static string[] Ids(JsonElement report) =>
        report.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("id").GetString()}:{f.GetProperty("severity").GetString()}").ToArray();

    private static (string Kind, string? File, int? Line) Origin(JsonElement setting)
    {
        var o = setting.GetProperty("origin");
        return (o.GetProperty("kind").GetString()!, o.TryGetProperty("file", out var f) ? f.GetString() : null,
            o.TryGetProperty("line", out var l) ? l.GetInt32() : null);
    }

    private static JsonElement Setting(JsonElement finding, string keyword) =>
        finding.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("keyword").GetString() == keyword);

    [Fact]
    public void Al2023_shared_ami_keeps_the_old_accounts_key()
    {
        var s = Samples();
        var report = Check("--root", Path.Combine(s, "al2023-shared-ami"), "--user", "ec2-user", "--key", Path.Combine(s, "keys", "id_ed25519.pub"));
        Assert.Equal("refused", report.GetProperty("verdict").GetString());
        Assert.Equal("amzn", report.GetProperty("target").GetProperty("os").GetProperty("id").GetString());
        Assert.Equal(["KEY_NOT_AUTHORIZED:blocking"], Ids(report));
        var finding = report.GetProperty("findings")[0];
        Assert.Equal(("sshd_config", "/etc/ssh/sshd_config", 21), Origin(Setting(finding, "authorizedkeysfile")));
    }

    [Fact]
    public void Al2023_crypto_policy_refuses_ssh_rsa_signatures_from_an_old_client()
    {
        var s = Samples();
        var root = Path.Combine(s, "al2023-shared-ami");
        var rsa = Path.Combine(s, "keys", "id_rsa.pub");
        var old = Check("--root", root, "--user", "ec2-user", "--key", rsa, "--client", "putty-0.74");
        Assert.Equal("refused", old.GetProperty("verdict").GetString());
        Assert.Equal(["RSA_SHA1_REFUSED:blocking"], Ids(old));
        var algorithms = Setting(old.GetProperty("findings")[0], "pubkeyacceptedalgorithms");
        Assert.Equal(("crypto-policies", "/etc/crypto-policies/back-ends/opensshserver.config", 5), Origin(algorithms));
        Assert.DoesNotContain("ssh-rsa,", algorithms.GetProperty("value").GetString() + ",");

        var current = Check("--root", root, "--user", "ec2-user", "--key", rsa, "--client", "openssh-9.6");
        Assert.Equal("accepted", current.GetProperty("verdict").GetString());
        Assert.Empty(Ids(current));
    }

    [Fact]
    public void Al2023_show_config_names_the_instance_connect_drop_in_and_the_back_end()
    {
        var s = Samples();
        var report = Check("--root", Path.Combine(s, "al2023-shared-ami"), "--user", "ec2-user", "--key", Path.Combine(s, "keys", "id_ed25519.pub"), "--show-config");
        var config = report.GetProperty("config").EnumerateArray().ToDictionary(v => v.GetProperty("keyword").GetString()!);
        Assert.Equal("/opt/aws/bin/eic_run_authorized_keys %u %f", config["authorizedkeyscommand"].GetProperty("value").GetString());
        Assert.Equal(("systemd-unit", "/etc/systemd/system/sshd.service.d/ec2-instance-connect.conf", 3), Origin(config["authorizedkeyscommand"]));
        Assert.Equal(("systemd-unit", "/etc/systemd/system/sshd.service.d/ec2-instance-connect.conf", 3), Origin(config["authorizedkeyscommanduser"]));
        Assert.Equal(("crypto-policies", "/etc/crypto-policies/back-ends/opensshserver.config", 1), Origin(config["ciphers"]));
        Assert.Equal(("drop-in", "/etc/ssh/sshd_config.d/50-redhat.conf", 15), Origin(config["usepam"]));
        // 50-redhat.conf is included first: its ChallengeResponseAuthentication wins over sshd_config's own line.
        Assert.Equal(("drop-in", "/etc/ssh/sshd_config.d/50-redhat.conf", 10), Origin(config["kbdinteractiveauthentication"]));
        Assert.Equal(("default", null, null), Origin(config["pubkeyauthentication"]));
    }

    /// <summary>A copy of the Ubuntu sample with the host key's mode as on the image (git keeps no modes).</summary>
    private static string UbuntuCopy(string samples)
    {
        var dest = Path.Combine(Path.GetTempPath(), "sshdoctor-sample-" + Guid.NewGuid().ToString("N"), "ubuntu");
        var source = Path.Combine(samples, "ubuntu-24.04-wrong-user");
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(source, dest));
        Directory.CreateDirectory(dest);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(source, dest));
        File.SetUnixFileMode(Path.Combine(dest, "etc/ssh/ssh_host_ed25519_key"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return dest;
    }

    [Fact]
    public void Ubuntu_2404_wrong_user_name()
    {
        var s = Samples();
        var root = UbuntuCopy(s);
        try
        {
            var report = Check("--root", root, "--user", "ec2-user", "--key", Path.Combine(s, "keys", "id_ed25519.pub"));
            Assert.Equal("refused", report.GetProperty("verdict").GetString());
            Assert.Equal("9.6p1", report.GetProperty("target").GetProperty("sshd").GetProperty("version").GetString());
            Assert.Equal(["USER_UNKNOWN:blocking", "CLOUD_DEFAULT_USER:info", "KEY_FOR_OTHER_USER:info"], Ids(report));
            var findings = report.GetProperty("findings").EnumerateArray().ToList();
            Assert.Contains(" ubuntu ", findings[1].GetProperty("message").GetString());
            Assert.Equal("/etc/cloud/cloud.cfg", findings[1].GetProperty("path").GetString());
            Assert.Equal("ubuntu", findings[2].GetProperty("user").GetString());

            var right = Check("--root", root, "--user", "ubuntu", "--key", Path.Combine(s, "keys", "id_ed25519.pub"), "--show-config");
            Assert.Equal("accepted", right.GetProperty("verdict").GetString());
            Assert.Empty(Ids(right));
            var config = right.GetProperty("config").EnumerateArray().ToDictionary(v => v.GetProperty("keyword").GetString()!);
            Assert.Equal(("drop-in", "/etc/ssh/sshd_config.d/50-cloud-init.conf", 1), Origin(config["passwordauthentication"]));
            Assert.Equal(("sshd_config", "/etc/ssh/sshd_config", 35), Origin(config["usepam"]));
            Assert.Equal(("default", null, null), Origin(config["authorizedkeysfile"]));
            Assert.Equal(".ssh/authorized_keys .ssh/authorized_keys2", config["authorizedkeysfile"].GetProperty("value").GetString());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(root)!, true);
        }
    }
}

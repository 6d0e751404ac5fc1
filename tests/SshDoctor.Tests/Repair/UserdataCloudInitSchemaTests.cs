using System.Diagnostics;
using SshDoctor.Core.Repair;

namespace SshDoctor.Tests.Repair;

/// <summary>
/// The user-data documents `ec2 fix` sets pass Debian's cloud-init: its schema validation for the cloud-config part
/// (`cloud-init schema --config-file`), and its own user-data processor (gzip, MIME) finds the cloud-config and the
/// shell script where cloud-init's handlers look for them.
/// </summary>
public sealed class UserdataCloudInitSchemaTests
{
    private static (int Exit, string Output) Run(string file, params string[] args)
    {
        Assert.True(File.Exists(file), $"{file} is missing: install Debian's cloud-init (scripts/install-lab-tools.sh)");
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(60)), "cloud-init did not finish");
        return (p.ExitCode, o.Result + e.Result);
    }

    public static TheoryData<string> Modes() => new() { "repair", "undo" };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Cloud_config_part_passes_cloud_init_schema(string mode)
    {
        string[] args = mode == "repair" ? ["repair", "ec2-20261203T080000Z-ab12cd34"] : ["undo", "ec2-20261203T080000Z-ab12cd34", new string('a', 64)];
        var document = UserdataDocument.Build("ec2-user", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHZxb3Rlc3RrZXlmb3JzaGRvY3RvcnVzZXJkYXRh me@laptop", args);
        var dir = Directory.CreateTempSubdirectory("sshdoctor-cloudinit-");
        try
        {
            var config = Path.Combine(dir.FullName, "cloud-config.yaml");
            File.WriteAllText(config, CloudConfigPart(document));
            var (exit, output) = Run("/usr/bin/cloud-init", "schema", "--config-file", config);
            Assert.True(exit == 0 && output.Contains("Valid cloud-config", StringComparison.Ordinal), $"cloud-init schema exited {exit}:\n{output}");

            // cloud-init's own processor on the bytes EC2 gets (gzip past 16 KB): a cloud-config part and the script
            var bytes = Path.Combine(dir.FullName, "user-data");
            File.WriteAllBytes(bytes, UserdataDocument.ForEc2(document));
            const string probe = """
                import sys
                from cloudinit import helpers, user_data, util
                raw = open(sys.argv[1], 'rb').read()
                msg = user_data.UserDataProcessor(helpers.Paths({})).process(raw)
                for part in msg.walk():
                    if part.get_content_maintype() == 'multipart':
                        continue
                    payload = util.fully_decoded_payload(part)
                    print(part.get_content_type(), len(payload), payload.splitlines()[0] if payload else '')
                """;
            var script = Path.Combine(dir.FullName, "probe.py");
            File.WriteAllText(script, probe);
            var (pyExit, parts) = Run("/usr/bin/python3", script, bytes);
            Assert.True(pyExit == 0, parts);
            Assert.Contains("text/cloud-config", parts, StringComparison.Ordinal);
            Assert.Contains("text/x-shellscript", parts, StringComparison.Ordinal);
            Assert.Contains("#!/bin/sh", parts, StringComparison.Ordinal);
        }
        finally { dir.Delete(true); }
    }

    private static string CloudConfigPart(string document)
    {
        var start = document.IndexOf("#cloud-config\n", StringComparison.Ordinal);
        var end = document.IndexOf("\n--" + UserdataDocument.Boundary, start, StringComparison.Ordinal);
        return document[start..end] + "\n";
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SshDoctor.TestSupport;

namespace SshDoctor.Tests.Logs;

/// <summary>
/// `logs` on the benchmark's synthetic 128 MB auth.log (scripts/gen-auth-log.py, fixed seed) prints, byte for byte,
/// what it printed before the throughput work: TestData/logs-golden holds the outputs of the build before it (the
/// accounts variant, 4.9 MB of JSON, as its SHA-256). Any change to what the scanner counts shows here.
/// </summary>
public sealed class LogsGoldenOutputTests(GeneratedAuthLog log) : IClassFixture<GeneratedAuthLog>
{
    [Theory]
    [InlineData("plain.json", "--json")]
    [InlineData("plain.txt")]
    [InlineData("user.json", "--json", "--user", "ec2-user")]
    public void Output_equals_the_output_before(string golden, params string[] options)
    {
        var expected = TestFiles.Read("TestData/logs-golden/" + golden);
        Assert.Equal(expected, Run(options));
    }

    [Fact]
    public void Output_with_the_targets_accounts_equals_the_output_before()
    {
        const string sha256 = "a9abb63961d0c21ec1678da66fad898739e1ca62cdc4b99e0c3452ee2bd6e98c";
        var output = Run(["--json", "--root", log.Root]).Replace(log.Root, "root", StringComparison.Ordinal);
        Assert.True(output.Length > 1_000_000, "the accounts variant lists many groups");
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(output))));
    }

    private string Run(string[] options)
    {
        var (exit, output, err) = CliRunner.Run(["logs", "--lang", "en", .. options, log.Path]);
        Assert.True(exit == 1, $"exit {exit}: {err}");
        return output.Replace(log.Path, "auth.log", StringComparison.Ordinal);
    }
}

/// <summary>The generated log (once per test class) and a target root whose passwd names four of its users.</summary>
public sealed class GeneratedAuthLog : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sshdoctor-golden-").FullName;
    public string Path => System.IO.Path.Combine(_dir, "auth.log");
    public string Root => System.IO.Path.Combine(_dir, "root");

    public GeneratedAuthLog()
    {
        var script = System.IO.Path.Combine(TestFiles.Dir(), "..", "..", "scripts", "gen-auth-log.py");
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, "128", Path }) psi.ArgumentList.Add(a);
        using (var p = Process.Start(psi)!)
        {
            var err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("gen-auth-log.py failed: " + err);
        }
        // The classic stamps carry no year: the file's time gives it.
        File.SetLastWriteTimeUtc(Path, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        Directory.CreateDirectory(System.IO.Path.Combine(Root, "etc"));
        File.WriteAllText(System.IO.Path.Combine(Root, "etc", "passwd"),
            "root:x:0:0:root:/root:/bin/bash\nadmin:x:1000:1000::/home/admin:/bin/bash\n" +
            "ec2-user:x:1001:1001::/home/ec2-user:/bin/bash\ndeploy:x:1002:1002::/home/deploy:/bin/bash\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

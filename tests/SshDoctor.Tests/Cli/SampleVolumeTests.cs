using System.Text.Json;

namespace SshDoctor.Tests.Cli;

/// <summary>The README's first command: the bundled sample shows exactly its two faults, from a fresh clone.</summary>
public sealed class SampleVolumeTests
{
    [Fact]
    public void Sample_volume_reports_its_two_faults()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !Directory.Exists(Path.Combine(repo.FullName, "samples", "broken-volume"))) repo = repo.Parent;
        Assert.True(repo is not null, "samples/broken-volume not found above " + AppContext.BaseDirectory);
        var sample = Path.Combine(repo!.FullName, "samples");

        var r = Support.Cli.Run(["check", "--root", Path.Combine(sample, "broken-volume"), "--user", "ec2-user",
            "--key", Path.Combine(sample, "keys", "id_ed25519.pub"), "--json"]);

        Assert.Equal(1, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var blocking = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() == "blocking")
            .Select(f => f.GetProperty("id").GetString() ?? "").Order().ToArray();
        Assert.Equal(new[] { "KEY_LINE_INVALID", "USER_DENIED" }, blocking);
    }
}

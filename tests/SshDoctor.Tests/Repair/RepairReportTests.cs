using SshDoctor.Core.Repair;

namespace SshDoctor.Tests.Repair;

public sealed class RepairReportTests
{
    private const string P = RepairReport.Prefix;

    private static string Line(int n, string body) => $"{P}{{\"n\":{n},\"run\":\"r1\",\"mode\":\"repair\",{body}}}";

    private static readonly string[] Lines =
    [
        Line(1, "\"action\":\"chmod\",\"path\":\"/home/a/.ssh\",\"before\":{\"mode\":\"0777\",\"uid\":1000,\"gid\":1000},\"after\":{\"mode\":\"0700\",\"uid\":1000,\"gid\":1000},\"result\":\"changed\",\"detail\":\"x\""),
        Line(2, "\"action\":\"append\",\"path\":\"/home/a/.ssh/authorized_keys\",\"before\":null,\"after\":null,\"result\":\"changed\",\"detail\":\"\\u001b[31m\""),
        Line(3, "\"summary\":true,\"result\":\"repaired\",\"user\":\"a\",\"changed\":1,\"backup_dir\":\"/var/backups/sshdoctor/r1\",\"manifest_sha256\":\"ab\",\"lines\":3,\"message\":\"repaired\""),
    ];

    [Fact]
    public void A_whole_report_is_complete_and_typed()
    {
        var r = RepairReport.Parse("cloud-init noise\n" + string.Join("\r\n", Lines) + "\n");
        Assert.True(r.Complete);
        Assert.Equal("repaired", r.Final!.Result);
        Assert.Equal("/var/backups/sshdoctor/r1", r.Final.BackupDir);
        Assert.Equal("0777", r.Actions[0].Before!.Mode);
        Assert.Equal(1000, r.Actions[0].After!.Uid);
        Assert.Equal("\u001b[31m", r.Actions[1].Detail); // decoded; the renderer escapes it for the terminal
    }

    [Fact]
    public void A_missing_or_cut_line_makes_it_incomplete_and_says_which()
    {
        var cut = Lines[1][..40]; // SSM's 24,000-character limit can cut a line in the middle
        var r = RepairReport.Parse(string.Join("\n", Lines[0], cut, Lines[2]));
        Assert.False(r.Complete);
        Assert.Equal(2, r.FirstMissing());
        var again = RepairReport.Parse(string.Join("\n", Lines[0], cut, Lines[2], Lines[1]));
        Assert.True(again.Complete);
    }

    [Fact]
    public void Other_runs_and_modes_are_left_out()
    {
        var other = Lines[2].Replace("\"run\":\"r1\"", "\"run\":\"r0\"", StringComparison.Ordinal);
        Assert.Null(RepairReport.Parse(other, "r1").Final);
        Assert.Null(RepairReport.Parse(Lines[2], "r1", "undo").Final);
        Assert.NotNull(RepairReport.Parse(Lines[2], "r1", "repair").Final);
    }
}

using System.Text;
using SshDoctor.Core.Logs;
using static SshDoctor.Core.Findings.FindingId;

namespace SshDoctor.Tests.Logs;

/// <summary>
/// The scanner reads through a small buffer, finds sshd's lines by the column of their tag and skips ahead when
/// sshd is rare: none of that may change what it reports. Small read sizes put line ends, CRLF pairs and long lines
/// at every buffer boundary.
/// </summary>
public class LogScannerBufferTests
{
    private static readonly DateTime Modified = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Different host widths (the tag moves), "sshd" in other programs' lines and in a host name, runs of
    /// other lines longer than the scanner's patience, ISO and classic stamps, sshd-session.</summary>
    private const string Log = """
        Nov 21 05:00:01 web sshd[10]: Authentication refused: bad ownership or modes for directory /home/bob
        Nov 21 05:00:01 web sshd[10]: Connection closed by authenticating user bob 203.0.113.5 port 1000 [preauth]
        Nov 21 05:00:02 web CRON[77]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)
        Nov 21 05:00:02 web CRON[77]: pam_unix(cron:session): session closed for user root
        Nov 21 05:00:03 web sudo: pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)
        Nov 21 05:00:03 web sudo: admin : TTY=pts/0 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/systemctl restart sshd
        Nov 21 05:00:04 web systemd[1]: Started sshd.service - OpenSSH server daemon.
        Nov 21 05:00:04 web CRON[78]: (root) CMD (run-parts /etc/cron.hourly)
        Nov 21 05:00:05 sshd-gw CRON[79]: (root) CMD (true)
        Nov 21 05:00:06 a-much-longer-host-name sshd[11]: Failed publickey for alice from 198.51.100.7 port 2 ssh2: ED25519 SHA256:x
        Nov 21 05:00:06 a-much-longer-host-name sshd[11]: Connection closed by authenticating user alice 198.51.100.7 port 2 [preauth]
        2026-11-21T05:00:07.000001+00:00 web sshd-session[12]: Invalid user oracle from 192.0.2.9 port 3
        2026-11-21T05:00:07.000002+00:00 web sshd-session[12]: Connection closed by invalid user oracle 192.0.2.9 port 3 [preauth]
        Nov 21 05:00:08 web sshd[13]: Accepted publickey for carol from 2001:db8:aaaa:bbbb::1 port 4 ssh2: ED25519 SHA256:y
        Nov 21 05:00:09 web sshd[14]: Failed publickey for carol from 2001:db8:aaaa:bbbb::2 port 5 ssh2: ED25519 SHA256:y
        Nov 21 05:00:09 web sshd[14]: Connection closed by authenticating user carol 2001:db8:aaaa:bbbb::2 port 5 [preauth]
        Nov 21 05:00:10 web sshd[15]: Authentication refused: bad ownership or modes for directory /home/bob
        Nov 21 05:00:10 web sshd[15]: Connection closed by authenticating user bob 203.0.113.5 port 1001 [preauth]
        """;

    private static LogReport Analyze(byte[] bytes, int readSize = 0, int maxLine = LogScanner.MaxLine)
    {
        var a = new LogAnalysis();
        var s = readSize == 0 ? new LogScanner(a) : new LogScanner(a, 0, readSize, maxLine);
        s.Scan(new MemoryStream(bytes), Modified);
        return a.Finish(["test"], s.Bytes);
    }

    private static LogReport Analyze(string text, int readSize = 0, int maxLine = LogScanner.MaxLine) =>
        Analyze(Encoding.UTF8.GetBytes(text), readSize, maxLine);

    /// <summary>Everything a report says, as one comparable text.</summary>
    private static string Describe(LogReport r)
    {
        var sb = new StringBuilder($"bytes={r.Bytes} lines={r.SshdLines} first={r.First} last={r.Last}\n");
        foreach (var g in r.Groups)
        {
            sb.Append($"group {g.User}|{g.Address} accepted={g.Accepted} {g.AcceptedFirst}-{g.AcceptedLast}\n");
            foreach (var x in g.Refusals) sb.Append($"  {x.Id}/{x.Alternative} {x.Count} {x.First}-{x.Last} {x.Path}|{x.Detail}\n");
        }
        foreach (var x in r.ServerProblems) sb.Append($"server {x.Id} {x.Count} {x.Path}|{x.Detail}\n");
        var n = r.Noise;
        sb.Append($"noise {n.Connections} {n.Addresses} {n.Users} {n.First}-{n.Last} ");
        sb.AppendJoin(',', n.TopUsers.Select(kv => kv.Key + "=" + kv.Value)).Append(' ');
        sb.AppendJoin(',', n.TopAddresses.Select(kv => kv.Key + "=" + kv.Value));
        return sb.ToString();
    }

    private static LogGroup Group(LogReport r, string user, string address) =>
        Assert.Single(r.Groups, g => g.User == user && g.Address == address);

    [Fact]
    public void The_reference_log_reads_as_expected()
    {
        var r = Analyze(Log);
        Assert.Equal(11, r.SshdLines); // sshd and sshd-session lines only: not CRON, sudo, systemd, nor the host sshd-gw
        var bob = Assert.Single(Group(r, "bob", "203.0.113.5").Refusals);
        Assert.Equal((STRICTMODES_MODE, 2, "/home/bob"), (bob.Id, bob.Count, bob.Path));
        Assert.Equal(KEY_NOT_AUTHORIZED, Assert.Single(Group(r, "alice", "198.51.100.7").Refusals).Id);
        // IPv6 addresses alike in their first 16 bytes stay two addresses.
        Assert.Equal(1, Group(r, "carol", "2001:db8:aaaa:bbbb::1").Accepted);
        Assert.Equal(KEY_NOT_AUTHORIZED, Assert.Single(Group(r, "carol", "2001:db8:aaaa:bbbb::2").Refusals).Id);
        // One address meeting an unknown name is a person mistyping it: listed, not noise.
        Assert.Equal(USER_UNKNOWN, Assert.Single(Group(r, "oracle", "192.0.2.9").Refusals).Id);
        Assert.Equal(0, r.Noise.Connections);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(64)]
    [InlineData(97)]
    [InlineData(256)]
    public void Lines_split_across_reads_give_the_same_report(int readSize)
    {
        var bytes = Encoding.UTF8.GetBytes(Log);
        Assert.Equal(Describe(Analyze(bytes)), Describe(Analyze(bytes, readSize, maxLine: 1 << 12)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(100)]
    public void Crlf_line_ends_give_the_same_report(int readSize)
    {
        var crlf = Analyze(Log.Replace("\n", "\r\n"), readSize, maxLine: 1 << 12);
        Assert.Equal(Describe(Analyze(Log)).Replace($"bytes={Encoding.UTF8.GetByteCount(Log)}", ""),
            Describe(crlf).Replace($"bytes={Encoding.UTF8.GetByteCount(Log.Replace("\n", "\r\n"))}", ""));
        Assert.Equal("/home/bob", Assert.Single(Group(crlf, "bob", "203.0.113.5").Refusals).Path);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void A_last_line_without_newline_is_read(int readSize)
    {
        var text = Log.TrimEnd('\n') + "\nNov 21 05:00:11 web sshd[16]: Invalid user zed from 192.0.2.10 port 6";
        Assert.DoesNotContain("192.0.2.10", Describe(Analyze(Log)));
        var r = Analyze(text, readSize, maxLine: 1 << 12);
        Assert.Equal(12, r.SshdLines);
        Assert.Equal(USER_UNKNOWN, Assert.Single(Group(r, "zed", "192.0.2.10").Refusals).Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Invalid_utf8_is_replaced_and_reading_goes_on(int readSize)
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("Nov 21 05:00:00 web sshd[9]: Failed publickey for a"));
        bytes.AddRange(new byte[] { 0xff, 0xc3, 0x28, 0x80 }); // invalid sequences inside the user name
        bytes.AddRange(Encoding.UTF8.GetBytes(" from 198.51.100.99 port 9 ssh2: ED25519 SHA256:z\n"));
        bytes.AddRange(new byte[] { (byte)'N', (byte)'o', (byte)'v', 0xfe, 0xfe, (byte)' ', (byte)'s', (byte)'s', (byte)'h', (byte)'d', 0xfe, (byte)'\n' });
        bytes.AddRange(Encoding.UTF8.GetBytes(Log));
        var r = Analyze(bytes.ToArray(), readSize, maxLine: 1 << 12);
        var odd = Assert.Single(r.Groups, g => g.Address == "198.51.100.99");
        Assert.Equal("a\uFFFD\uFFFD(\uFFFD", odd.User);
        Assert.Equal(KEY_NOT_AUTHORIZED, Assert.Single(odd.Refusals).Id);
        // The lines after the invalid bytes are all read.
        Assert.Equal(Analyze(Log).SshdLines + 1, r.SshdLines);
        Assert.Equal(2, Assert.Single(Group(r, "bob", "203.0.113.5").Refusals).Count);
    }

    [Fact]
    public void A_line_longer_than_the_read_size_is_read_whole()
    {
        var user = new string('u', 300);
        var text = $"Nov 21 05:00:00 web sshd[8]: Failed publickey for {user} from 198.51.100.98 port 8 ssh2: ED25519 SHA256:w\n" +
                   $"Nov 21 05:00:00 web CRON[2]: {new string('x', 5000)} sshd {new string('y', 3000)}\n" + Log;
        var small = Analyze(text, readSize: 64, maxLine: 1 << 14);
        Assert.Equal(Describe(Analyze(text)), Describe(small));
        Assert.Equal(KEY_NOT_AUTHORIZED, Assert.Single(Group(small, user, "198.51.100.98").Refusals).Id);
    }

    [Fact]
    public void A_line_longer_than_the_longest_is_read_in_pieces_and_the_next_lines_are_whole()
    {
        // Memory stays flat: a 10,000-byte line through a 256-byte limit is cut, never held whole.
        var text = $"Nov 21 05:00:00 web sshd[7]: Invalid user {new string('v', 10_000)} from 192.0.2.77 port 7\n" + Log;
        var r = Analyze(text, readSize: 64, maxLine: 256);
        // Its first piece is an sshd line (cut before " from "); the pieces after it carry no tag.
        Assert.Equal(Analyze(Log).SshdLines + 1, r.SshdLines);
        Assert.DoesNotContain("192.0.2.77", Describe(r));
        // The piece names a cut user and no address; every other group is what the log alone gives.
        var cut = Assert.Single(r.Groups, g => g.User!.StartsWith('v'));
        Assert.True(cut.User!.Length < 256 && cut.User.Trim('v').Length == 0, cut.User);
        Assert.Null(cut.Address);
        static string Groups(LogReport x) => Describe(x with { Groups = x.Groups.Where(g => !g.User!.StartsWith('v')).ToList() });
        Assert.Equal(Groups(Analyze(Log)).Split('\n')[1..^1], Groups(r).Split('\n')[1..^1]);
    }
}

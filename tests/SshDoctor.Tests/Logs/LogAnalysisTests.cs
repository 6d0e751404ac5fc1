using SshDoctor.Core.Target;
using System.IO.Compression;
using System.Text;
using SshDoctor.Core.Logs;
using static SshDoctor.Core.Findings.FindingId;

namespace SshDoctor.Tests.Logs;

public class LogAnalysisTests
{
    private static LogReport Analyze(string text, string? user = null, long since = 0, DateTime? modified = null)
    {
        var a = new LogAnalysis(user);
        var s = new LogScanner(a, since);
        s.Scan(new MemoryStream(Encoding.UTF8.GetBytes(text)), modified ?? new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc));
        return a.Finish(["test"], s.Bytes);
    }

    private static LogGroup Group(LogReport r, string user) => Assert.Single(r.Groups, g => g.User == user);

    /// <summary>Lab output (sshd -D -e, OpenSSH 9.2) wrapped as syslog lines with one pid per connection.</summary>
    private static string AsSyslog(string bare, string program = "sshd")
    {
        var sb = new StringBuilder();
        var pid = 1000;
        var second = 0;
        foreach (var line in bare.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var t = new DateTime(2026, 11, 21, 5, 0, 0).AddSeconds(second++);
            sb.Append($"{t:MMM dd HH:mm:ss} web {program}[{pid}]: {line}\n");
            if (line.StartsWith("Connection closed") || line.StartsWith("Disconnected from")) pid++;
            if (second % 3 == 0) sb.Append($"{t:MMM dd HH:mm:ss} web CRON[77]: (root) CMD (run-parts /etc/cron.hourly)\n");
        }
        return sb.ToString();
    }

    public static TheoryData<string> LabFiles() => new() { "info.log", "verbose.log" };

    [Theory]
    [MemberData(nameof(LabFiles))]
    public void Lab_log_each_user_gets_the_real_cause(string file)
    {
        var text = TestFiles.Read("TestData/sshd-9.2/" + file);
        foreach (var r in new[] { Analyze(text), Analyze(AsSyslog(text)), Analyze(AsSyslog(text, "sshd-session")) })
        {
            var alice = Group(r, "alice");
            Assert.Equal(1, alice.Accepted);
            Assert.Equal(KEY_NOT_AUTHORIZED, Assert.Single(alice.Refusals).Id);
            var bob = Assert.Single(Group(r, "bob").Refusals);
            Assert.Equal(STRICTMODES_MODE, bob.Id);
            Assert.Equal(STRICTMODES_OWNER, bob.Alternative);
            Assert.Equal("/home/bob", bob.Path);
            Assert.Equal(AUTHKEYS_UNREADABLE, Assert.Single(Group(r, "carol").Refusals).Id);
            Assert.Equal(KEY_OPTION_FROM, Assert.Single(Group(r, "dave").Refusals).Id);
            Assert.Equal(USER_SHELL_INVALID, Assert.Single(Group(r, "erin").Refusals).Id);
            Assert.Equal(USER_LOCKED, Assert.Single(Group(r, "frank").Refusals).Id);
            Assert.Equal(USER_UNKNOWN, Assert.Single(Group(r, "nosuch").Refusals).Id);
            Assert.Empty(Group(r, "root").Refusals);
            Assert.All(r.Groups, g => Assert.Equal("127.0.0.1", g.Address));
            Assert.Equal(0, r.Noise.Connections);
        }
    }

    [Theory]
    [InlineData("rootlogin.log", "root", ROOT_LOGIN_REFUSED)]
    [InlineData("algos.log", "alice", KEY_ALGORITHM_REFUSED)]
    [InlineData("rsasize.log", "alice", KEY_RSA_TOO_SMALL)]
    [InlineData("authmethods.log", "alice", AUTH_METHODS_REQUIRED)]
    [InlineData("denyusers.log", "alice", USER_DENIED)]
    [InlineData("allowusers.log", "alice", USER_DENIED)]
    [InlineData("expiry.log", "alice", KEY_OPTION_EXPIRED)]
    [InlineData("pubkeyoff.log", "alice", KEY_NOT_AUTHORIZED)]
    [InlineData("notregular.log", "alice", AUTHKEYS_NOT_REGULAR)]
    [InlineData("revoked.log", "alice", KEY_REVOKED)]
    public void Lab_scenarios(string file, string user, SshDoctor.Core.Findings.FindingId id)
    {
        var text = TestFiles.Read("TestData/sshd-9.2/" + file);
        foreach (var r in new[] { Analyze(text), Analyze(AsSyslog(text)) })
            Assert.Equal(id, Assert.Single(Group(r, user).Refusals).Id);
    }

    [Fact]
    public void Percent_token_is_reported_for_the_address()
    {
        var r = Analyze(TestFiles.Read("TestData/sshd-9.2/percent.log"));
        var g = Assert.Single(r.Groups);
        Assert.Equal("127.0.0.1", g.Address);
        Assert.Equal(AUTHKEYS_FILE_CONFIG, g.Refusals[0].Id);
    }

    [Fact]
    public void Times_counts_first_and_last()
    {
        const string log = """
            Nov 20 08:00:01 web sshd[10]: Authentication refused: bad ownership or modes for directory /home/ec2-user
            Nov 20 08:00:01 web sshd[10]: Connection closed by authenticating user ec2-user 203.0.113.5 port 1000 [preauth]
            Nov 21 09:30:00 web sshd[11]: Authentication refused: bad ownership or modes for directory /home/ec2-user
            Nov 21 09:30:02 web sshd[11]: Connection closed by authenticating user ec2-user 203.0.113.5 port 1001 [preauth]
            """;
        var x = Assert.Single(Group(Analyze(log), "ec2-user").Refusals);
        Assert.Equal(2, x.Count);
        Assert.Equal(new DateTime(2026, 11, 20, 8, 0, 1).Ticks, x.First);
        Assert.Equal(new DateTime(2026, 11, 21, 9, 30, 2).Ticks, x.Last);
    }

    [Fact]
    public void Interleaved_connections_are_kept_apart_by_pid()
    {
        const string log = """
            2026-11-21T05:00:00.000001+00:00 web sshd[20]: Connection from 198.51.100.1 port 1 on 10.0.0.5 port 22 rdomain ""
            2026-11-21T05:00:00.000002+00:00 web sshd[21]: Connection from 198.51.100.2 port 2 on 10.0.0.5 port 22 rdomain ""
            2026-11-21T05:00:00.100000+00:00 web sshd[21]: Authentication refused: bad ownership or modes for file /home/bob/.ssh/authorized_keys
            2026-11-21T05:00:00.200000+00:00 web sshd[20]: Failed publickey for alice from 198.51.100.1 port 1 ssh2: ED25519 SHA256:x
            2026-11-21T05:00:00.300000+00:00 web sshd[21]: Failed publickey for bob from 198.51.100.2 port 2 ssh2: ED25519 SHA256:y
            2026-11-21T05:00:00.400000+00:00 web sshd[20]: Connection closed by authenticating user alice 198.51.100.1 port 1 [preauth]
            2026-11-21T05:00:00.500000+00:00 web sshd[21]: Connection closed by authenticating user bob 198.51.100.2 port 2 [preauth]
            """;
        var r = Analyze(log);
        Assert.Equal(KEY_NOT_AUTHORIZED, Assert.Single(Group(r, "alice").Refusals).Id);
        var bob = Assert.Single(Group(r, "bob").Refusals);
        Assert.Equal(STRICTMODES_MODE, bob.Id);
        Assert.Equal("198.51.100.2", Group(r, "bob").Address);
    }

    [Fact]
    public void Iso_offsets_are_converted_to_utc()
    {
        const string log = "2026-11-21T07:00:00+02:00 web sshd[5]: Invalid user ubuntu from 203.0.113.9 port 5\n";
        var x = Assert.Single(Group(Analyze(log), "ubuntu").Refusals);
        Assert.Equal(new DateTime(2026, 11, 21, 5, 0, 0).Ticks, x.First);
    }

    [Fact]
    public void Journal_json_export()
    {
        const string log = """
            {"__REALTIME_TIMESTAMP":"1763704800000000","_PID":"812","SYSLOG_IDENTIFIER":"sshd","MESSAGE":"Authentication refused: bad ownership or modes for directory /home/admin"}
            {"__REALTIME_TIMESTAMP":"1763704800100000","_PID":"812","SYSLOG_IDENTIFIER":"sshd","MESSAGE":"Connection closed by authenticating user admin 203.0.113.7 port 4000 [preauth]"}
            {"__REALTIME_TIMESTAMP":"1763704800200000","_PID":"1","SYSLOG_IDENTIFIER":"systemd","MESSAGE":"Started sshd.service"}
            """;
        var r = Analyze(log);
        var g = Group(r, "admin");
        Assert.Equal("203.0.113.7", g.Address);
        Assert.Equal(STRICTMODES_MODE, Assert.Single(g.Refusals).Id);
        Assert.Equal(DateTime.UnixEpoch.Ticks + 1763704800100000L * 10, g.Refusals[0].First);
    }

    [Fact]
    public void Scanner_noise_is_summarized_and_a_mistyped_user_is_listed()
    {
        var sb = new StringBuilder();
        var pid = 100;
        var rnd = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var addr = $"45.{i % 50}.{i % 7}.{i % 200}";
            var user = "u" + rnd.Next(400);
            sb.Append($"Nov 21 04:{i / 60 % 60:00}:{i % 60:00} web sshd[{pid}]: Invalid user {user} from {addr} port {i}\n");
            sb.Append($"Nov 21 04:{i / 60 % 60:00}:{i % 60:00} web sshd[{pid}]: Failed password for invalid user {user} from {addr} port {i} ssh2\n");
            sb.Append($"Nov 21 04:{i / 60 % 60:00}:{i % 60:00} web sshd[{pid}]: Connection closed by invalid user {user} {addr} port {i} [preauth]\n");
            pid++;
            sb.Append($"Nov 21 04:{i / 60 % 60:00}:{i % 60:00} web sshd[{pid}]: Failed password for root from {addr} port {i} ssh2\n");
            sb.Append($"Nov 21 04:{i / 60 % 60:00}:{i % 60:00} web sshd[{pid}]: Connection closed by authenticating user root {addr} port {i} [preauth]\n");
            pid++;
        }
        sb.Append("Nov 21 05:00:00 web sshd[9999]: Invalid user ubuntu from 198.51.100.7 port 5\n");
        sb.Append("Nov 21 05:00:01 web sshd[9999]: Connection closed by invalid user ubuntu 198.51.100.7 port 5 [preauth]\n");
        var r = Analyze(sb.ToString());
        var g = Assert.Single(r.Groups);
        Assert.Equal("ubuntu", g.User);
        Assert.Equal(USER_UNKNOWN, g.Refusals[0].Id);
        Assert.Equal(6000, r.Noise.Connections);
        Assert.True(r.Noise.Addresses > 100);
        Assert.Equal("root", r.Noise.TopUsers[0].Key);
        Assert.False(r.ServerProblems.Count > 0);
    }

    [Fact]
    public void User_filter_lists_that_user_even_from_scanners()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 10; i++)
            sb.Append($"Nov 21 04:00:{i:00} web sshd[{100 + i}]: Invalid user u{i} from 45.1.1.1 port {i}\n");
        sb.Append("Nov 21 04:01:00 web sshd[200]: Invalid user deploy from 45.1.1.1 port 99\n");
        var r = Analyze(sb.ToString(), user: "deploy");
        var g = Assert.Single(r.Groups);
        Assert.Equal("deploy", g.User);
        Assert.Equal(0, r.Noise.Connections);
    }

    [Fact]
    public void Since_skips_older_lines()
    {
        const string log = """
            Nov 19 08:00:01 web sshd[10]: Invalid user old from 203.0.113.5 port 1000
            Nov 21 08:00:01 web sshd[11]: Invalid user new from 203.0.113.5 port 1001
            """;
        var r = Analyze(log, since: new DateTime(2026, 11, 20, 0, 0, 0).Ticks);
        Assert.Equal("new", Assert.Single(r.Groups).User);
    }

    [Fact]
    public void Classic_stamps_after_the_file_date_belong_to_the_previous_year()
    {
        const string log = "Dec 31 23:59:59 web sshd[10]: Invalid user x from 203.0.113.5 port 1000\n";
        var r = Analyze(log, modified: new DateTime(2027, 1, 1, 0, 5, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 12, 31, 23, 59, 59).Ticks, r.Groups[0].Refusals[0].First);
    }

    [Fact]
    public void Server_problems_are_reported_once_per_cause()
    {
        const string log = """
            Nov 21 08:00:01 web sshd[10]: /etc/ssh/sshd_config line 3: Bad configuration option: Foo
            Nov 21 08:00:01 web sshd[10]: /etc/ssh/sshd_config: terminating, 1 bad configuration options
            Nov 21 08:00:02 web sshd[11]: sshd: no hostkeys available -- exiting.
            """;
        var r = Analyze(log);
        Assert.Equal([SSHD_CONFIG_INVALID, SSHD_HOST_KEYS_MISSING], r.ServerProblems.Select(p => p.Id));
        Assert.Equal(2, r.ServerProblems[0].Count);
    }

    [Fact]
    public void Long_lines_and_lines_across_buffer_boundaries()
    {
        var sb = new StringBuilder();
        sb.Append("Nov 21 08:00:00 web kernel: ").Append('x', 3 << 20).Append('\n');
        for (var i = 0; i < 40000; i++)
            sb.Append($"Nov 21 08:00:01 web CRON[{i}]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)\n");
        sb.Append("Nov 21 08:00:02 web sshd[5]: Invalid user last from 203.0.113.5 port 1\n");
        var r = Analyze(sb.ToString());
        Assert.Equal("last", Assert.Single(r.Groups).User);
    }

    [Fact]
    public void Rotated_and_gzipped_files_under_a_root_are_read_oldest_first()
    {
        var root = Directory.CreateTempSubdirectory("sshdoctor-logs-");
        try
        {
            var log = Directory.CreateDirectory(Path.Combine(root.FullName, "var", "log")).FullName;
            File.WriteAllText(Path.Combine(log, "auth.log"), "Nov 21 08:00:00 web sshd[3]: Invalid user c from 203.0.113.5 port 3\n");
            File.WriteAllText(Path.Combine(log, "auth.log.1"), "Nov 20 08:00:00 web sshd[2]: Invalid user b from 203.0.113.5 port 2\n");
            using (var gz = new GZipStream(File.Create(Path.Combine(log, "auth.log.2.gz")), CompressionLevel.Fastest))
                gz.Write(Encoding.UTF8.GetBytes("Nov 19 08:00:00 web sshd[1]: Invalid user a from 203.0.113.5 port 1\n"));
            File.WriteAllText(Path.Combine(log, "syslog"), "not read\n");
            using var door = SshDoctor.Core.Target.TargetFs.Open(root.FullName);
            var logs = LogSources.Find(door);
            var files = logs.Paths;
            Assert.Equal(["auth.log.2.gz", "auth.log.1", "auth.log"], files.Select(Path.GetFileName));
            var a = new LogAnalysis();
            var s = new LogScanner(a);
            foreach (var f in files)
                using (var stream = logs.Open(f, out var mtime)) s.Scan(stream, mtime);
            var r = a.Finish(files, s.Bytes);
            Assert.Equal(["a", "b", "c"], r.Groups.Select(g => g.User));
        }
        finally
        {
            root.Delete(true);
        }
    }

    [Fact]
    public void Journal_is_read_from_the_volume_when_there_is_no_text_log()
    {
        var host = JournalSource.Arguments(null);
        Assert.DoesNotContain("--directory", host);
        Assert.Contains("SYSLOG_IDENTIFIER=sshd-session", host);
        var root = Directory.CreateTempSubdirectory("sshdoctor-journal-");
        try
        {
            using (var door = TargetFs.Open(root.FullName))
            using (var none = VolumeJournal.Open(door))
            {
                Assert.Equal(JournalState.Missing, none.State);
                Assert.Null(none.Argument);
            }
            var dir = Path.Combine(root.FullName, "var", "log", "journal");
            Directory.CreateDirectory(Path.Combine(dir, "0123456789abcdef0123456789abcdef"));
            using (var door = TargetFs.Open(root.FullName))
            using (var journal = VolumeJournal.Open(door))
            {
                Assert.Equal(JournalState.Readable, journal.State);
                Assert.Matches("^/proc/self/fd/[0-9]+$", journal.Argument);
                Assert.Equal(["--directory", journal.Argument!, "-o", "json"], JournalSource.Arguments(journal.Argument).Take(4));
                // The directory is what the descriptor names, not the path: moved away, it is still the one read.
                Assert.True(Directory.Exists(journal.Argument));
                Directory.Move(dir, dir + ".moved");
                Assert.True(Directory.Exists(Path.Combine(journal.Argument!, "0123456789abcdef0123456789abcdef")));
                if (JournalSource.Executable() is not null)
                    Assert.True(JournalSource.TryRead(journal.Argument, dir, _ => { }, out var description) && description.Contains(dir, StringComparison.Ordinal),
                        "journalctl must read the directory through the inherited descriptor");
                Directory.Move(dir + ".moved", dir);
            }
        }
        finally
        {
            root.Delete(true);
        }
    }

    [Theory]
    [InlineData("var/log/journal", "/var/log/journal")]
    [InlineData("var/log", "/var/log")]
    [InlineData("var/log/journal/0123456789abcdef0123456789abcdef", "/var/log/journal/0123456789abcdef0123456789abcdef")]
    [InlineData("var/log/journal/0123456789abcdef0123456789abcdef/system.journal", "/var/log/journal/0123456789abcdef0123456789abcdef/system.journal")]
    [InlineData("var/log/journal/user-1000.journal", "/var/log/journal/user-1000.journal")]
    public void A_volume_journal_through_a_link_is_never_given_to_journalctl(string linkAt, string reported)
    {
        var root = Directory.CreateTempSubdirectory("sshdoctor-journal-");
        var elsewhere = Directory.CreateTempSubdirectory("sshdoctor-journal-host-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "var", "log", "journal", "0123456789abcdef0123456789abcdef"));
            var link = Path.Combine(root.FullName, linkAt);
            if (Directory.Exists(link)) Directory.Delete(link, true);
            Directory.CreateDirectory(Path.Combine(elsewhere.FullName, "journal", "0123456789abcdef0123456789abcdef"));
            File.CreateSymbolicLink(link, linkAt.EndsWith(".journal", StringComparison.Ordinal) ? "/etc/passwd" : elsewhere.FullName);
            using var door = TargetFs.Open(root.FullName);
            using var journal = VolumeJournal.Open(door);
            Assert.Equal(JournalState.Linked, journal.State);
            Assert.Equal(reported, journal.Link);
            Assert.Null(journal.Argument);
        }
        finally
        {
            root.Delete(true);
            elsewhere.Delete(true);
        }
    }

    [Fact]
    public void Binary_input_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => Analyze("\u0000\u0001\u0002ELF"));
    }
}

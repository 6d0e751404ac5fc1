using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SshDoctor.Core.Logs;
using SshDoctor.TestSupport;
using static SshDoctor.Core.Findings.FindingId;

namespace SshDoctor.Tests.Logs;

/// <summary>Issue 13, "logs for people": real accounts first, scanners in one block, times, damaged input.</summary>
[Collection("stdin")]
public class LogsForPeopleTests
{
    private static readonly string[] RealUsers = ["alice", "bob", "carol", "dave", "erin"];

    /// <summary>300 scanner connections from 50 addresses (6 each), interleaved with 5 real users' logins.</summary>
    private static string MixedLog()
    {
        var sb = new StringBuilder();
        var pid = 1000;
        var t = new DateTime(2026, 11, 21, 4, 0, 0);
        void Line(string text) { sb.Append($"{t:MMM dd HH:mm:ss} web sshd[{pid}]: {text}\n"); t = t.AddSeconds(1); }
        for (var i = 0; i < 300; i++)
        {
            var address = $"45.{i % 50}.0.{i % 50 + 1}";
            // Half the addresses only try three unknown names each (below the per-address scanner
            // thresholds); the other half guess passwords, for unknown names and for root.
            if (i % 50 < 25)
            {
                var name = "scan" + (i % 3) + "x" + (i % 50);
                Line($"Invalid user {name} from {address} port {i}");
                Line($"Connection closed by invalid user {name} {address} port {i} [preauth]");
            }
            else if (i % 2 == 0)
            {
                Line($"Invalid user admin{i % 7} from {address} port {i}");
                Line($"Failed password for invalid user admin{i % 7} from {address} port {i} ssh2");
                Line($"Connection closed by invalid user admin{i % 7} {address} port {i} [preauth]");
            }
            else
            {
                Line($"Failed password for root from {address} port {i} ssh2");
                Line($"Connection closed by authenticating user root {address} port {i} [preauth]");
            }
            pid++;
            if (i % 60 != 7) continue;
            var n = i / 60;
            var user = RealUsers[n];
            var from = $"203.0.113.{10 + n}";
            switch (user)
            {
                case "alice" or "carol":
                    Line($"Accepted publickey for {user} from {from} port 4000 ssh2: ED25519 SHA256:abc");
                    break;
                case "bob":
                    Line($"Failed publickey for bob from {from} port 4001 ssh2: ED25519 SHA256:def");
                    Line($"Connection closed by authenticating user bob {from} port 4001 [preauth]");
                    break;
                case "dave":
                    Line($"Invalid user dave from {from} port 4002");
                    Line($"Connection closed by invalid user dave {from} port 4002 [preauth]");
                    break;
                case "erin":
                    Line("Authentication refused: bad ownership or modes for directory /home/erin");
                    Line($"Connection closed by authenticating user erin {from} port 4003 [preauth]");
                    break;
            }
            pid++;
        }
        return sb.ToString();
    }

    // carol is not in passwd: she is real because she logged in.
    private const string Passwd = """
        root:x:0:0:root:/root:/bin/bash
        alice:x:1000:1000::/home/alice:/bin/bash
        bob:x:1001:1001::/home/bob:/bin/bash
        dave:x:1003:1003::/home/dave:/bin/bash
        erin:x:1004:1004::/home/erin:/bin/bash
        """;

    private static LogReport Analyze(string text, IReadOnlySet<string>? accounts)
    {
        var a = new LogAnalysis(null, accounts);
        var s = new LogScanner(a);
        s.Scan(new MemoryStream(Encoding.UTF8.GetBytes(text)), new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc));
        return a.Finish(["mixed.log"], s.Bytes);
    }

    [Fact]
    public void Mixed_log_lists_the_five_real_users_first_and_scanners_as_one_block()
    {
        var accounts = new HashSet<string>(["root", "alice", "bob", "dave", "erin"], StringComparer.Ordinal);
        var r = Analyze(MixedLog(), accounts);
        Assert.Equal(RealUsers.Order(), r.Groups.Select(g => g.User!).Order());
        Assert.All(r.Groups, g => Assert.True(g.Real));
        Assert.False(r.Groups.Single(g => g.User == "carol").KnownAccount);
        Assert.Equal(USER_UNKNOWN, Assert.Single(r.Groups.Single(g => g.User == "dave").Refusals).Id);
        Assert.Equal(KEY_NOT_AUTHORIZED, Assert.Single(r.Groups.Single(g => g.User == "bob").Refusals).Id);
        Assert.Equal(STRICTMODES_MODE, Assert.Single(r.Groups.Single(g => g.User == "erin").Refusals).Id);
        Assert.Equal(300, r.Noise.Connections);
        Assert.Equal(50, r.Noise.Addresses);
        // 25 addresses × 3 scanN names, admin0..admin6, root.
        Assert.Equal(25 * 3 + 7 + 1, r.Noise.Users);
        Assert.NotEqual(0, r.First);
        Assert.True(r.Last > r.First);
    }

    [Fact]
    public void Cli_root_passwd_is_consulted_and_the_output_is_for_people()
    {
        var dir = Directory.CreateTempSubdirectory("sshdoctor-people-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "etc"));
            File.WriteAllText(Path.Combine(dir.FullName, "etc", "passwd"), Passwd + "\n");
            var log = Path.Combine(dir.FullName, "mixed.log");
            File.WriteAllText(log, MixedLog());
            var (code, output, err) = CliRunner.Run(["logs", "--lang", "en", "--root", dir.FullName, log]);
            Assert.Equal(1, code);
            Assert.Equal("", err);
            var groups = output.Split('\n').Where(l => l.StartsWith("User ", StringComparison.Ordinal)).ToList();
            Assert.Equal(5, groups.Count);
            var noise = output.IndexOf("Background noise", StringComparison.Ordinal);
            Assert.True(noise > output.LastIndexOf("User ", StringComparison.Ordinal));
            Assert.Contains("300 connections from 50 addresses, 83 user names tried", output);
            // dave is in --root's passwd: sshd's "invalid user" is explained, not contradicted.
            Assert.DoesNotContain("there is no account dave", output);
            Assert.Contains(dir.FullName.TrimEnd('/') + "/etc/passwd has this account", output);
            Assert.Contains("Times: 2026-11-21T04:00:00 → ", output);

            // Same log, a --root whose passwd lacks dave: the classic sentence, and dave is a scanner name.
            File.WriteAllText(Path.Combine(dir.FullName, "etc", "passwd"), "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n");
            var (_, other, _) = CliRunner.Run(["logs", "--lang", "en", "--json", "--root", dir.FullName, log]);
            using var doc = JsonDocument.Parse(other);
            var users = doc.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("user").GetString()).ToList();
            Assert.Equal(["alice", "carol"], users.Order());
            Assert.Equal(303, doc.RootElement.GetProperty("noise").GetProperty("connections").GetInt32());
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Input_without_timestamps_says_so()
    {
        var dir = Directory.CreateTempSubdirectory("sshdoctor-people-");
        try
        {
            var log = Path.Combine(dir.FullName, "sshd-e.log");
            File.WriteAllText(log, "Accepted publickey for alice from 203.0.113.5 port 4000 ssh2: ED25519 SHA256:abc\n");
            var (code, output, _) = CliRunner.Run(["logs", "--lang", "en", log]);
            Assert.Equal(0, code);
            Assert.Contains("No timestamps in this input.", output);
            Assert.Contains("accepted logins: 1\n", output.Replace("\r", ""));
            Assert.DoesNotContain("last -", output);
            var (_, fr, _) = CliRunner.Run(["logs", "--lang", "fr", log]);
            Assert.Contains("Aucun horodatage dans ces données.", fr);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Truncated_gz_exits_2_naming_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("sshdoctor-people-");
        try
        {
            var whole = Path.Combine(dir.FullName, "auth.log.2.gz");
            using (var gz = new GZipStream(File.Create(whole), CompressionLevel.Optimal))
                gz.Write(Encoding.UTF8.GetBytes(MixedLog()));
            var plain = Path.Combine(dir.FullName, "auth.log.2");
            File.WriteAllText(plain, MixedLog());
            var (okCode, okOut, okErr) = CliRunner.Run(["logs", "--lang", "en", whole]);
            Assert.Equal(1, okCode);
            Assert.Equal("", okErr);
            var (_, plainOut, _) = CliRunner.Run(["logs", "--lang", "en", plain]);
            Assert.Equal(plainOut, okOut);
            var lines = int.Parse(System.Text.RegularExpressions.Regex.Match(okOut, @"(\d+) sshd lines").Groups[1].Value);
            Assert.True(lines > 600);

            var bytes = File.ReadAllBytes(whole);
            foreach (var cut in new[] { bytes.Length - 4, bytes.Length / 2, 30 })
            {
                var truncated = Path.Combine(dir.FullName, $"cut{cut}.gz");
                File.WriteAllBytes(truncated, bytes[..cut]);
                var (code, output, err) = CliRunner.Run(["logs", "--lang", "en", truncated]);
                Assert.Equal(2, code);
                Assert.Equal("", output);
                Assert.Contains(truncated, err);
                Assert.Contains("damaged", err);
            }

            // Two members (cat a.gz b.gz) are whole: the trailer is the last member's, and is not a truncation.
            var two = Path.Combine(dir.FullName, "two.gz");
            File.WriteAllBytes(two, [.. bytes, .. bytes]);
            var (twoCode, twoOut, twoErr) = CliRunner.Run(["logs", "--lang", "en", two]);
            Assert.Equal(1, twoCode);
            Assert.Equal("", twoErr);
            Assert.Contains($"{2 * lines} sshd lines", twoOut);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}

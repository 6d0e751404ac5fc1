using System.Security.Cryptography;
using System.Text.Json;
using SshDoctor.Tests.Support;
using Xunit;

namespace SshDoctor.Tests.Candidate;

/// <summary>check --candidate on real trees: who loses and gains access, the exit code, and that nothing is written.</summary>
public sealed class CandidateCheckTests : IDisposable
{
    private readonly TargetTree _tree = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("sshdoctor-candidate-").FullName;

    public CandidateCheckTests()
    {
        _tree.Keys("alice", TestKeys.Ed25519A + "\n");
        _tree.Keys("bob", TestKeys.Ed25519B + "\n" + TestKeys.Rsa2048 + "\n");
        _tree.Keys("carol", TestKeys.Ecdsa256 + "\n");
    }

    public void Dispose()
    {
        _tree.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Candidate(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private (int Exit, JsonElement Doc) Judge(params string[] candidates)
    {
        var args = new List<string> { "check", "--root", _tree.Root, "--all-users", "--json", "--lang", "en" };
        foreach (var c in candidates) args.AddRange(["--candidate", c]);
        var r = Support.Cli.Run([.. args]);
        Assert.True(r.Out.Length > 0, r.Err);
        return (r.Exit, JsonDocument.Parse(r.Out).RootElement);
    }

    private static List<(string User, string Change, string[] Because)> Changes(JsonElement doc) =>
        doc.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("user").GetString()!, c.GetProperty("change").GetString()!,
                c.GetProperty("because").EnumerateArray().Select(b => b.GetString()!).ToArray()))
            .OrderBy(c => c.Item1, StringComparer.Ordinal).ToList();

    [Fact]
    public void A_drop_in_that_leaves_out_a_user_names_who_loses_access_and_why()
    {
        var (exit, doc) = Judge(Candidate("90-hardening.conf", "AllowUsers alice carol\n"));
        Assert.Equal(1, exit);
        Assert.Equal("refused", doc.GetProperty("verdict").GetString());
        Assert.Equal("loses_access", doc.GetProperty("result").GetString());
        var changes = Changes(doc);
        Assert.Equal(2, changes.Count); // bob's two keys
        Assert.All(changes, c => Assert.Equal(("bob", "lost"), (c.User, c.Change)));
        Assert.All(changes, c => Assert.Contains("USER_DENIED", c.Because));
        Assert.Equal(["bob"], doc.GetProperty("summary").GetProperty("accounts_losing_all_access").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("/etc/ssh/sshd_config.d/90-hardening.conf", doc.GetProperty("candidate").GetProperty("files")[0].GetProperty("path").GetString());
    }

    [Fact]
    public void An_algorithm_list_without_rsa_loses_only_the_rsa_key()
    {
        var (exit, doc) = Judge(Candidate("10-algos.conf", "PubkeyAcceptedAlgorithms ssh-ed25519,ecdsa-sha2-nistp256\n"));
        Assert.Equal(1, exit);
        var change = Assert.Single(Changes(doc));
        Assert.Equal(("bob", "lost"), (change.User, change.Change));
        Assert.Contains("KEY_ALGORITHM_REFUSED", change.Because);
        Assert.Empty(doc.GetProperty("summary").GetProperty("accounts_losing_all_access").EnumerateArray());
        Assert.Equal("ssh-rsa", doc.GetProperty("changes")[0].GetProperty("key").GetProperty("type").GetString());
    }

    [Fact]
    public void A_new_authorized_keys_file_moves_access_from_one_key_file_to_another()
    {
        _tree.File("/home/dave/.ssh/keys", TestKeys.Ed25519A + "\n", 600, TargetTree.Dave, TargetTree.Team);
        var (exit, doc) = Judge(Candidate("20-keys.conf", "AuthorizedKeysFile .ssh/keys\n"));
        Assert.Equal(1, exit);
        var changes = Changes(doc);
        Assert.Contains(changes, c => c is { User: "alice", Change: "lost" });
        Assert.Contains(changes, c => c is { User: "dave", Change: "gained" });
        Assert.Contains(changes, c => c.User == "alice" && c.Because.Contains("AUTHKEYS_FILE_CONFIG"));
        Assert.Contains(changes, c => c.User == "dave" && c.Because.Contains("AUTHKEYS_MISSING"));
    }

    [Fact]
    public void A_match_block_is_judged_per_account()
    {
        var (_, doc) = Judge(Candidate("30-match.conf", "Match Group team\n    PubkeyAuthentication no\n"));
        var change = Assert.Single(Changes(doc));
        Assert.Equal(("carol", "lost"), (change.User, change.Change));
        Assert.Contains("PUBKEY_AUTH_DISABLED", change.Because);
    }

    [Fact]
    public void A_whole_new_sshd_config_replaces_the_main_file()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "new")).FullName;
        File.WriteAllText(Path.Combine(dir, "sshd_config"), "AllowGroups team\n");
        var (exit, doc) = Judge(Path.Combine(dir, "sshd_config"));
        Assert.Equal(1, exit);
        Assert.Equal("/etc/ssh/sshd_config", doc.GetProperty("candidate").GetProperty("files")[0].GetProperty("path").GetString());
        Assert.Equal(["alice", "bob"], Changes(doc).Where(c => c.Change == "lost").Select(c => c.User).Distinct().ToArray());
    }

    [Fact]
    public void A_candidate_passwd_without_an_account_is_a_loss_for_it()
    {
        var passwd = File.ReadAllText(_tree.Host("/etc/passwd")).Replace("bob:x:1001:1001:Bob:/home/bob:/bin/bash\n", "");
        var (exit, doc) = Judge(Candidate("passwd", passwd));
        Assert.Equal(1, exit);
        Assert.All(Changes(doc), c => Assert.Equal("bob", c.User));
        Assert.Contains(Changes(doc), c => c.Because.Contains("USER_UNKNOWN"));
    }

    [Fact]
    public void A_candidate_sshd_would_reject_is_invalid_and_locks_everyone_out()
    {
        var (exit, doc) = Judge(Candidate("40-bad.conf", "PermitRootLogin maybe\n"));
        Assert.Equal(1, exit);
        Assert.Equal("invalid", doc.GetProperty("result").GetString());
        Assert.False(doc.GetProperty("candidate").GetProperty("valid").GetBoolean());
        var invalid = doc.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "SSHD_CONFIG_INVALID");
        Assert.Equal("/etc/ssh/sshd_config.d/40-bad.conf", invalid.GetProperty("path").GetString());
        Assert.Equal(4, Changes(doc).Count(c => c.Change == "lost"));
    }

    [Fact]
    public void A_candidate_no_include_reads_changes_nothing_and_says_so()
    {
        var (exit, doc) = Judge(Candidate("x.conf", "AllowUsers nobody\n") + "=/etc/ssh/elsewhere/x.conf");
        Assert.Equal(0, exit);
        Assert.Empty(Changes(doc));
        Assert.Contains(doc.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "CANDIDATE_NOT_READ");
    }

    [Fact]
    public void The_client_given_with_client_is_the_one_both_states_are_judged_for()
    {
        var candidate = Candidate("60-sha1.conf", "PubkeyAcceptedAlgorithms +ssh-rsa\n");
        var current = Support.Cli.Run("check", "--root", _tree.Root, "--all-users", "--json", "--candidate", candidate);
        Assert.Empty(Changes(JsonDocument.Parse(current.Out).RootElement)); // a current client signs RSA with rsa-sha2 either way
        var old = Support.Cli.Run("check", "--root", _tree.Root, "--all-users", "--json", "--client", "putty-0.74", "--candidate", candidate);
        var change = Assert.Single(Changes(JsonDocument.Parse(old.Out).RootElement));
        Assert.Equal(("bob", "gained"), (change.User, change.Change));
    }

    [Fact]
    public void A_harmless_candidate_exits_zero_with_no_changes()
    {
        var (exit, doc) = Judge(Candidate("50-banner.conf", "Banner none\nMaxAuthTries 4\n"));
        Assert.Equal(0, exit);
        Assert.Equal("no_loss", doc.GetProperty("result").GetString());
        Assert.Equal(4, doc.GetProperty("summary").GetProperty("keys").GetInt32());
    }

    [Fact]
    public void The_target_is_never_written()
    {
        var before = Snapshot(_tree.Root);
        Judge(Candidate("90-hardening.conf", "AllowUsers alice\n"), Candidate("passwd", "root:x:0:0::/root:/bin/bash\n"));
        Assert.Equal(before, Snapshot(_tree.Root));
    }

    [Fact]
    public void Jsonl_prints_one_document_on_one_line()
    {
        var r = Support.Cli.Run("check", "--root", _tree.Root, "--all-users", "--format", "jsonl", "--candidate", Candidate("a.conf", "AllowUsers alice\n"));
        var line = Assert.Single(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("loses_access", JsonDocument.Parse(line).RootElement.GetProperty("result").GetString());
    }

    [Theory]
    [InlineData("x.conf=/etc/ssh/../shadow")]
    [InlineData("x.conf=/etc/ssh/sshd_config.d/")]
    public void A_candidate_place_with_dot_dot_or_no_name_is_bad_input(string suffix)
    {
        Candidate("x.conf", "Banner none\n");
        var r = Support.Cli.Run("check", "--root", _tree.Root, "--all-users", "--candidate", Path.Combine(_dir, suffix));
        Assert.Equal(2, r.Exit);
        Assert.Contains("--candidate", r.Err);
    }

    [Fact]
    public void A_missing_candidate_file_is_bad_input()
    {
        var r = Support.Cli.Run("check", "--root", _tree.Root, "--all-users", "--candidate", Path.Combine(_dir, "nope.conf"));
        Assert.Equal(2, r.Exit);
        Assert.Contains("nope.conf", r.Err);
    }

    [Theory]
    [InlineData("fr", "Perdraient l'accès")]
    [InlineData("ja", "アクセスを失うもの")]
    public void Text_output_is_localized(string lang, string heading)
    {
        var r = Support.Cli.Run("check", "--root", _tree.Root, "--all-users", "--lang", lang, "--candidate", Candidate("a.conf", "AllowUsers alice\n"));
        Assert.Equal(1, r.Exit);
        Assert.Contains(heading, r.Out);
        Assert.Contains("bob", r.Out);
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).ToDictionary(p => p, p =>
        {
            var info = new FileInfo(p);
            var content = File.Exists(p) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) : "dir";
            return $"{content} {info.LastWriteTimeUtc.Ticks} {File.GetUnixFileMode(p)}";
        });
}

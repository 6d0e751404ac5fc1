using System.Text.Json;
using SshDoctor.Core.Keys;
using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Candidate;

/// <summary>
/// check --candidate predicts who keeps access with a proposed drop-in; then the drop-in is installed for real and the
/// real sshd is asked for every account and key. The prediction must equal what sshd does, pair by pair.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class CandidateLabTests(ITestOutputHelper output)
{
    /// <summary>alice (ed25519), bob (ed25519 + RSA), carol (ECDSA) in group staff2 with bob, root (ed25519).</summary>
    private static void Fleet(LabTree t)
    {
        t.StandardUser("alice", LabUsers.Alice, LabKeys.Main);
        t.StandardUser("bob", LabUsers.Bob, LabKeys.Other)
            .WriteFile("/home/bob/.ssh/authorized_keys", LabKeys.Other.Line + " bob@a\n" + LabKeys.Rsa2048.Line + " bob@b\n", "0600", LabUsers.Bob, LabUsers.Bob);
        t.StandardUser("carol", LabUsers.Carol, LabKeys.Ecdsa);
        t.AddGroup("staff2", LabUsers.SharedGid, "bob", "carol");
        t.RootUser(LabKeys.Main);
        t.Config("PermitRootLogin prohibit-password");
    }

    private static readonly (string User, LabKey Key)[] Pairs =
    [
        ("alice", LabKeys.Main), ("bob", LabKeys.Other), ("bob", LabKeys.Rsa2048), ("carol", LabKeys.Ecdsa), ("root", LabKeys.Main),
    ];

    public static TheoryData<string, string> Candidates() => new()
    {
        { "a hardening drop-in that leaves out a group", "AllowGroups alice staff2\n" },
        { "an algorithm list without RSA", "PubkeyAcceptedAlgorithms ssh-ed25519,ecdsa-sha2-nistp256\n" },
        { "an algorithm list without ssh-rsa (SHA-1): nobody loses", "PubkeyAcceptedAlgorithms -ssh-rsa\n" },
        { "a new AuthorizedKeysFile", "AuthorizedKeysFile .ssh/authorized_keys_v2\n" },
        { "PermitRootLogin no", "PermitRootLogin no\n" },
        { "a Match block for a group", "Match Group staff2\n    PubkeyAuthentication no\n" },
        { "a Match block for one user and address", "Match User alice Address 127.0.0.0/8\n    AuthenticationMethods publickey,password\n" },
    };

    [LabTheory]
    [MemberData(nameof(Candidates))]
    public void The_prediction_equals_what_sshd_does_after_installing_it(string name, string dropIn)
    {
        using var tree = LabTree.Create("candidate " + name);
        Fleet(tree);
        // carol keeps a second file that only the new AuthorizedKeysFile names.
        tree.WriteFile("/home/carol/.ssh/authorized_keys_v2", LabKeys.Ecdsa.Line + " carol@v2\n", "0600", LabUsers.Carol, LabUsers.Carol);

        var today = Pairs.ToDictionary(p => p, p => RealSshd.Run(tree, p.User, p.Key).Verdict);
        Assert.All(today, t => Assert.True(t.Value == "accepted", $"the fleet tree must let {t.Key.User} in with {t.Key.Key.Name} before the candidate"));
        var candidate = Path.Combine(Path.GetDirectoryName(tree.Root)!, "90-candidate.conf");
        File.WriteAllText(candidate, dropIn);
        var (exit, json, err) = LabCli.Run("check", "--root", tree.Root, "--all-users", "--from", "127.0.0.1", "--json", "--candidate", candidate);
        output.WriteLine(json + err);
        Assert.True(exit is 0 or 1, $"check --candidate exited {exit}: {err}");
        var predicted = Predict(json, today);

        tree.DropIn("90-candidate.conf", dropIn);
        var actual = Pairs.ToDictionary(p => p, p => RealSshd.Run(tree, p.User, p.Key).Verdict);
        foreach (var pair in Pairs)
            Assert.True(predicted[pair] == actual[pair],
                $"{name}: {pair.User} with {pair.Key.Name}: check --candidate predicted {predicted[pair]}, sshd says {actual[pair]} (today: {today[pair]})\n{json}");
        var anyLoss = Pairs.Any(p => today[p] == "accepted" && actual[p] != "accepted");
        Assert.Equal(anyLoss ? 1 : 0, exit);
    }

    /// <summary>The candidate verdict of each pair: its "changes" entry, else the same as today's (which check must also get right).</summary>
    private static Dictionary<(string, LabKey), string> Predict(string json, Dictionary<(string User, LabKey Key), string> today)
    {
        using var doc = JsonDocument.Parse(json);
        var changes = doc.RootElement.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => (c.GetProperty("user").GetString()!, c.GetProperty("key").GetProperty("sha256").GetString()!),
                c => (Today: c.GetProperty("today").GetString()!, Candidate: c.GetProperty("candidate").GetString()!));
        var result = new Dictionary<(string, LabKey), string>();
        foreach (var (pair, sshdToday) in today)
        {
            var sha = PublicKey.FromOpenSshLine(pair.Key.Line)!.Sha256Fingerprint;
            if (changes.TryGetValue((pair.User, sha), out var change))
            {
                Assert.True(change.Today == sshdToday, $"{pair.User}/{pair.Key.Name}: check says today {change.Today}, sshd {sshdToday}");
                result[pair] = change.Candidate;
            }
            else result[pair] = sshdToday;
        }
        return result;
    }
}

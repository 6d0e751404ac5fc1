using System.Text.Json;
using SshDoctor.Core.Keys;
using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Candidate;

/// <summary>
/// check --candidate judges certificates by their CA: real certificates made with `ssh-keygen -s` (one per user and
/// principal) are tried against the real sshd before and after the candidate is installed, and the prediction for
/// each (user, CA, principal) must equal what sshd does.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class CandidateCertificateLabTests(ITestOutputHelper output)
{
    private const string CaFile = "/etc/ssh/user_ca.pub";
    private static LabKey Ca => LabKeys.Get("candidate-ca", "ed25519");

    /// <summary>alice and bob with plain keys, the CA in TrustedUserCAKeys; alice's principals file lists alice, bob's only deploy.</summary>
    private static void Tree(LabTree t)
    {
        t.StandardUser("alice", LabUsers.Alice, LabKeys.Main).StandardUser("bob", LabUsers.Bob, LabKeys.Other);
        t.Config("TrustedUserCAKeys " + CaFile).WriteFile(CaFile, Ca.Line + "\n");
        t.Mkdir("/etc/ssh/principals").WriteFile("/etc/ssh/principals/alice", "alice\n").WriteFile("/etc/ssh/principals/bob", "deploy\n");
    }

    /// <summary>(user, principal): a certificate of the CA for that principal, on a key of its own.</summary>
    private static readonly (string User, string Principal)[] Certs = [("alice", "alice"), ("bob", "bob"), ("bob", "deploy")];

    public static TheoryData<string, string, string[]> Candidates() => new()
    {
        // name, drop-in, the (user/principal) pairs sshd must change for (so the test cannot pass on "nothing changes")
        { "a drop-in that drops TrustedUserCAKeys", "TrustedUserCAKeys none\n", ["alice/alice", "bob/bob"] },
        { "an AuthorizedPrincipalsFile bob is missing from", "AuthorizedPrincipalsFile /etc/ssh/principals/%u\n", ["bob/bob", "bob/deploy"] },
    };

    [LabTheory]
    [MemberData(nameof(Candidates))]
    public void The_prediction_for_each_certificate_equals_what_sshd_does(string name, string dropIn, string[] changing)
    {
        using var tree = LabTree.Create("candidate certs " + name);
        Tree(tree);
        var certs = Certs.ToDictionary(c => c, c => Certificate(c.User, c.Principal));

        var today = certs.ToDictionary(c => c.Key, c => RealSshd.Run(tree, c.Key.User, c.Value).Verdict);
        var candidate = Path.Combine(Path.GetDirectoryName(tree.Root)!, "80-candidate.conf");
        File.WriteAllText(candidate, dropIn);
        var (exit, json, err) = LabCli.Run("check", "--root", tree.Root, "--all-users", "--from", "127.0.0.1", "--json", "--candidate", candidate);
        output.WriteLine(json + err);
        Assert.True(exit is 0 or 1, $"check --candidate exited {exit}: {err}");
        var predicted = Predict(json, today);

        tree.DropIn("80-candidate.conf", dropIn);
        var actual = certs.ToDictionary(c => c.Key, c => RealSshd.Run(tree, c.Key.User, c.Value).Verdict);
        foreach (var c in Certs)
            Assert.True(predicted[c] == actual[c],
                $"{name}: {c.User} with a certificate for {c.Principal}: check --candidate predicted {predicted[c]}, sshd says {actual[c]} (today: {today[c]})\n{json}");
        Assert.Equal(changing.Order(), Certs.Where(c => today[c] != actual[c]).Select(c => $"{c.User}/{c.Principal}").Order());
        Assert.Equal(Certs.Any(c => today[c] == "accepted" && actual[c] != "accepted") ? 1 : 0, exit);
    }

    /// <summary>ssh-keygen -s CA -I ID -n PRINCIPAL on a key of its own (ssh -i KEY loads KEY-cert.pub beside it).</summary>
    private static LabKey Certificate(string user, string principal)
    {
        var key = LabKeys.Get($"candidate-cert-{user}-{principal}", "ed25519");
        var cert = key.PrivatePath + "-cert.pub";
        if (!File.Exists(cert))
            LabRun.Exec("/usr/bin/ssh-keygen", "-q", "-s", Ca.PrivatePath, "-I", $"lab-{user}-{principal}", "-n", principal, key.PublicPath);
        return key with { PublicPath = cert };
    }

    /// <summary>Each certificate's candidate verdict: the change listed for its user, CA and principal, else today's.</summary>
    private static Dictionary<(string User, string Principal), string> Predict(string json, Dictionary<(string User, string Principal), string> today)
    {
        var ca = PublicKey.FromOpenSshLine(Ca.Line)!.Sha256Fingerprint;
        using var doc = JsonDocument.Parse(json);
        var changes = doc.RootElement.GetProperty("changes").EnumerateArray()
            .Where(c => c.TryGetProperty("certificate", out var cert) && cert.GetProperty("ca").GetProperty("sha256").GetString() == ca)
            .ToDictionary(c => (c.GetProperty("user").GetString()!, Assert.Single(c.GetProperty("certificate").GetProperty("principals").EnumerateArray()).GetString()!),
                c => (Today: c.GetProperty("today").GetString()!, Candidate: c.GetProperty("candidate").GetString()!));
        Assert.True(doc.RootElement.GetProperty("summary").GetProperty("certificates").GetInt32() >= Certs.Length,
            "every user and principal of the CA is judged");
        var result = new Dictionary<(string, string), string>();
        foreach (var (c, sshdToday) in today)
        {
            if (changes.TryGetValue(c, out var change))
            {
                Assert.True(change.Today == sshdToday, $"{c.User}/{c.Principal}: check says today {change.Today}, sshd {sshdToday}");
                result[c] = change.Candidate;
            }
            else result[c] = sshdToday;
        }
        return result;
    }
}

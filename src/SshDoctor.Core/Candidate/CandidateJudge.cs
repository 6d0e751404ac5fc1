using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model;

namespace SshDoctor.Core.Candidate;

/// <summary>
/// Judges every account and every key in its authorized keys files twice — with the tree as it is and with the
/// candidate files laid over it in memory — through the same model as check. Nothing is written. Certificates are
/// judged by their CA: for every CA either state trusts for the account (TrustedUserCAKeys, cert-authority lines) and
/// every principal that could let it in (its name, its AuthorizedPrincipalsFile lines, principals= options), a
/// certificate of that CA for that principal (<see cref="CandidateCertificate"/>).
/// </summary>
public static class CandidateJudge
{
    /// <param name="users">The accounts to judge (null: every login account of either state).</param>
    /// <param name="extraKey">A key to judge for every account besides the ones already authorized (--key).</param>
    /// <param name="client">The client that will log in (--client); null: a current OpenSSH.</param>
    /// <param name="threads">How many threads judge accounts (null: one per core); the report is the same for any number.</param>
    public static CandidateReport Run(TargetContext today, IReadOnlyList<CandidateFile> files, IReadOnlyList<string>? users, PublicKey? extraKey, string? from,
        ClientProfile? client = null, int? threads = null)
    {
        var proposed = TargetContext.Load(today.Root, files.ToDictionary(f => f.TargetPath, f => f.Content, StringComparer.Ordinal));
        // Both states are judged for the same client; without --client, a current OpenSSH (rsa-sha2), so an RSA
        // key's access is compared rather than left as CLIENT_CONDITION on both sides.
        client ??= ClientProfile.Parse("openssh-9.6");
        var todayChecker = new Checker(today) { Client = client };
        var proposedChecker = new Checker(proposed) { Client = client };
        var todayServer = ServerState.Run(today);
        var proposedServer = ServerState.Run(proposed);
        var todayDown = todayServer.Any(f => f.Severity == Severity.Blocking);
        var proposedDown = proposedServer.Any(f => f.Severity == Severity.Blocking);

        // Root and system accounts too: "PermitRootLogin no" is the classic self-inflicted lockout.
        var names = users ?? todayChecker.ShellAccounts().Union(proposedChecker.ShellAccounts(), StringComparer.Ordinal).ToList();
        var todayCas = new AccountIdentities.CaFiles(today);
        var proposedCas = new AccountIdentities.CaFiles(proposed);
        // Accounts are judged on every core (both states only read the tree and their caches are safe for it); the
        // report lists them in the order of the sequential loop.
        var judged = OrderedParallel.Map(names, name =>
        {
            var before = AccountIdentities.Read(today, todayCas, name, from);
            var after = AccountIdentities.Read(proposed, proposedCas, name, from);
            var keys = before.Keys.Union(after.Keys).ToList();
            if (extraKey is not null && !keys.Contains(extraKey)) keys.Add(extraKey);
            var authorities = before.Authorities.Union(after.Authorities).ToList();
            if (authorities.Count > 0)
            {
                var principals = before.Principals.Union(after.Principals, StringComparer.Ordinal).Prepend(name).Distinct(StringComparer.Ordinal).ToList();
                foreach (var ca in authorities)
                    foreach (var principal in principals)
                        keys.Add(CandidateCertificate.For(ca, principal));
            }
            var kept = new List<KeyAccess>(keys.Count);
            foreach (var key in keys)
            {
                var t = todayChecker.CheckUser(name, key, from, scanOthers: false);
                var p = proposedChecker.CheckUser(name, key, from, scanOthers: false);
                // A server that cannot start (or reload) lets nobody in.
                if (todayDown) t = t with { Verdict = Verdict.Refused };
                if (proposedDown) p = p with { Verdict = Verdict.Refused, Findings = proposedServer.Concat(p.Findings).ToList() };
                kept.Add(KeyAccess.Kept(name, key, t, p));
            }
            return kept;
        }, threads);
        var access = new List<KeyAccess>();
        var keyless = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            if (judged[i].Count == 0) keyless.Add(names[i]);
            else access.AddRange(judged[i]);
        }
        return new CandidateReport(today, proposed, files, names.ToList(), keyless, access, todayServer, proposedServer, Notes(proposed, files));
    }

    /// <summary>A candidate sshd never reads changes nothing: say so rather than report "no change".</summary>
    private static IReadOnlyList<Finding> Notes(TargetContext proposed, IReadOnlyList<CandidateFile> files)
    {
        var ev = new Evidence();
        foreach (var file in files)
        {
            var isAccountFile = file.TargetPath is "/etc/passwd" or "/etc/group" or "/etc/shadow";
            if (!isAccountFile && !proposed.Config.Files.Contains(file.TargetPath, StringComparer.Ordinal))
                ev.Add(FindingId.CANDIDATE_NOT_READ, Severity.Warning, file.TargetPath, [],
                    ("path", file.TargetPath), ("source", proposed.Config.MainFile));
        }
        return ev.Findings;
    }
}

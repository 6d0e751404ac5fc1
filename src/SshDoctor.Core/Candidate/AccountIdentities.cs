using System.Collections.Concurrent;
using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model;

namespace SshDoctor.Core.Candidate;

/// <summary>
/// What can log one account in, read from one state of the tree (read as root, only to list them): the plain keys of
/// its AuthorizedKeysFile files, the CAs whose certificates sshd would consider (TrustedUserCAKeys, cert-authority
/// lines) and the principals a certificate could carry to be let in (the account name, the lines of its
/// AuthorizedPrincipalsFile, the principals= of its cert-authority lines).
/// </summary>
internal sealed class AccountIdentities
{
    private const long FileLimit = 16 * 1024 * 1024;
    /// <summary>A principals file of hundreds of lines is not judged line by line: the first ones show the change.</summary>
    private const int MaxPrincipals = 32;

    public List<PublicKey> Keys { get; } = [];
    public List<PublicKey> Authorities { get; } = [];
    public List<string> Principals { get; } = [];

    /// <summary>The keys of each CA file, read once per run; safe for the accounts judged in parallel (a racing second
    /// read of the same file gives the same keys and is dropped).</summary>
    public sealed class CaFiles(TargetContext ctx)
    {
        private readonly ConcurrentDictionary<string, List<PublicKey>> _files = new(StringComparer.Ordinal);

        public List<PublicKey> Of(string path) => _files.GetOrAdd(path, Read);

        private List<PublicKey> Read(string path)
        {
            var keys = new List<PublicKey>();
            if (ctx.Root.ReadText(path, FileLimit) is { } text)
                foreach (var raw in text.Split('\n'))
                {
                    var line = raw.Trim();
                    if (line.Length > 0 && line[0] != '#' && PublicKey.FromOpenSshLine(line) is { } k) keys.Add(k);
                }
            return keys;
        }
    }

    public static AccountIdentities Read(TargetContext ctx, CaFiles caFiles, string name, string? from)
    {
        var found = new AccountIdentities();
        var account = ctx.Accounts.ByName(name);
        if (account is null) return found;
        var cfg = ctx.EffectiveFor(account, name, from);
        foreach (var pattern in cfg.AuthorizedKeysFiles.Value)
        {
            if (pattern.Equals("none", StringComparison.OrdinalIgnoreCase)) continue;
            var path = KeyFilePaths.Expand(pattern, account, ctx.Accounts, out _);
            if (path is null || ctx.Root.ReadText(path, FileLimit) is not { } text) continue;
            foreach (var line in AuthorizedKeysParser.Parse(text, ctx.Version))
            {
                if (line.Key is not { } key) continue;
                if (!line.Options.CertAuthority)
                {
                    found.Keys.Add(key);
                    continue;
                }
                found.AddAuthority(key);
                if (line.Options.Principals is { } listed)
                    foreach (var p in listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) found.AddPrincipal(p);
            }
        }

        var caFile = cfg.Value("trustedusercakeys", "none").Value;
        if (!caFile.Equals("none", StringComparison.OrdinalIgnoreCase))
            foreach (var ca in caFiles.Of(caFile)) found.AddAuthority(ca);
        var principalsFile = cfg.Value("authorizedprincipalsfile", "none").Value;
        if (!principalsFile.Equals("none", StringComparison.OrdinalIgnoreCase) &&
            KeyFilePaths.Expand(principalsFile, account, ctx.Accounts, out _) is { } principalsPath &&
            ctx.Root.ReadText(principalsPath, FileLimit) is { } principals)
        {
            // auth_process_principals: the last word of each line is a principal.
            foreach (var raw in principals.Split('\n'))
            {
                var line = raw.Trim(' ', '\t', '\r');
                if (line.Length == 0 || line[0] == '#') continue;
                var cut = line.LastIndexOfAny([' ', '\t']);
                found.AddPrincipal(cut < 0 ? line : line[(cut + 1)..]);
            }
        }
        return found;
    }

    private void AddAuthority(PublicKey ca)
    {
        if (!Authorities.Contains(ca)) Authorities.Add(ca);
    }

    private void AddPrincipal(string principal)
    {
        if (Principals.Count < MaxPrincipals && !Principals.Contains(principal, StringComparer.Ordinal)) Principals.Add(principal);
    }
}

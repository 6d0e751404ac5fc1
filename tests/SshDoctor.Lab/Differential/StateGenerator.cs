using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Differential;

/// <summary>
/// Random states for the differential test: a healthy login (alice, sometimes root or an unknown name) with
/// 0–3 random perturbations, each touching one thing sshd looks at (many of them harmless, to catch false
/// alarms). State <c>i</c> of seed <c>s</c> depends only on (s, i), so one state can be replayed alone.
/// </summary>
public static class StateGenerator
{
    /// <summary>SSHDOCTOR_DIFF_FOCUS=NAME (e.g. tricky, content, access): every state gets that perturbation once more.</summary>
    private static readonly string? Focus = Environment.GetEnvironmentVariable("SSHDOCTOR_DIFF_FOCUS") is { Length: > 0 } f ? f : null;

    public static DiffState Generate(int seed, int index)
    {
        var p = new Pick(new Random(unchecked(seed * 1_000_003 + index)));
        var s = new DiffState { Key = p.One((78, LabKeys.Main), (10, LabKeys.Rsa2048), (4, LabKeys.Rsa1024), (8, LabKeys.Ecdsa)) };
        s.KeysContent = s.Key.Line + " lab@client\n";
        s.User = p.One((84, "alice"), (12, "root"), (4, "alcie"));
        if (s.User == "root")
        {
            s.Home = new DiffState.Node("0700", 0, 0);
            s.SshDir = new DiffState.Node("0700", 0, 0);
            s.Keys = new DiffState.Node("0600", 0, 0);
        }
        var perturbations = p.One((28, 0), (38, 1), (22, 2), (12, 3));
        for (var k = 0; k < perturbations; k++) Perturb(p, s);
        if (Focus is not null) Perturb(p, s, Focus);
        return s;
    }

    private static void Perturb(Pick p, DiffState s, string? kind = null)
    {
        var self = s.User == "root" ? 0 : Alice;
        int Owner() => p.One((3, self), (4, 0), (4, Bob));
        int Group() => p.One((1, self), (2, SharedGid), (1, 0));
        void Global(string line) { if (p.Chance(40)) s.DropIn.Add(line); else s.Config.Add(line); }

        switch (kind ?? p.One((5, "account"), (4, "shell"), (7, "home"), (8, "sshdir"), (9, "keysnode"), (16, "content"), (2, "keys2"),
                     (6, "akf"), (5, "strict"), (5, "pubkey"), (7, "access"), (6, "root"), (3, "revoked"), (3, "algorithms"),
                     (2, "methods"), (2, "pam"), (2, "nologin"), (2, "match"), (2, "rsasize"), (1, "broken"), (1, "chroot"), (3, "matchmore"), (6, "tricky")))
        {
            case "account":
                s.Shadow = p.One((4, "!"), (2, "!$6$salt$hash"), (3, "$6$salt$hash"), (1, "*"), (1, "!!"));
                if (p.Chance(40)) s.Expire = p.One((3, 1L), (1, 40000L));
                if (p.Chance(30)) s.AliceInShared = true;
                break;
            case "pam": s.UsePam = false; break;
            case "nologin": s.NologinFile = true; break;
            case "shell":
                s.Shell = p.One((3, "/usr/sbin/nologin"), (2, "/bin/false"), (3, "/bin/nosuchshell"), (3, "/opt/lab/shell"), (2, "/usr/bin/sh"), (1, "/usr/bin/dash"));
                break;
            case "home":
                if (s.User != "root" && p.Chance(25)) { s.Home = null; break; }
                s.Home = Node(p, s.Home, ["0700", "0750", "0775", "0777", "0711", "0770", "0757", "0705", "0755"], Owner, Group);
                break;
            case "sshdir":
                if (p.Chance(20)) { s.SshDir = null; break; }
                s.SshDir = Node(p, s.SshDir, ["0755", "0775", "0777", "0600", "0711", "0500", "0770", "0750", "0000"], Owner, Group);
                break;
            case "keysnode":
                s.KeysKind = p.One((1, "dir"), (2, "symlink"), (1, "missing"), (4, "file"));
                if (s.KeysKind == "missing") { s.Keys = null; break; }
                s.Keys = Node(p, s.Keys ?? new DiffState.Node("0600", self, self),
                    ["0644", "0640", "0664", "0666", "0400", "0000", "0660", "0606", "0604", "0620"], Owner, Group);
                break;
            case "content": s.KeysContent = KeyFile(p, s.Key); break;
            case "keys2": s.Keys2Content = s.Key.Line + "\n"; if (p.Chance(50)) s.KeysContent = LabKeys.Other.Line + "\n"; break;
            case "akf":
                var akf = p.One((4, ".ssh/authorized_keys"), (2, ".ssh/authorized_keys2"), (2, "%h/.ssh/authorized_keys"),
                    (3, "/etc/ssh/authorized_keys/%u"), (2, ".ssh/authorized_keys .ssh/authorized_keys2"), (1, "none"), (1, ".ssh/authorized_keys_%z"),
                    (1, "/home/%u/.ssh/authorized_keys"), (2, ".ssh/authorized_keys /etc/ssh/authorized_keys/%u"), (1, "%%h/keys"));
                Global("AuthorizedKeysFile " + akf);
                if (akf.Contains("/etc/ssh/authorized_keys/") && p.Chance(60)) s.AbsoluteKeysContent = s.Key.Line + "\n";
                break;
            case "strict": Global("StrictModes " + p.One((4, "no"), (1, "yes"))); break;
            case "pubkey":
                switch (p.One((3, "no"), (2, "yes"), (2, "match-self-no"), (2, "match-bob-no"), (1, "first-wins")))
                {
                    case "match-self-no": s.MatchBlocks.Add($"Match User {s.User}\n    PubkeyAuthentication no"); break;
                    case "match-bob-no": s.MatchBlocks.Add("Match User bob\n    PubkeyAuthentication no"); break;
                    case "first-wins": s.DropIn.Insert(0, "PubkeyAuthentication yes"); s.Config.Add("PubkeyAuthentication no"); break;
                    case var v: Global("PubkeyAuthentication " + v); break;
                }
                break;
            case "access":
                Global(p.One((2, "AllowUsers alice"), (2, "AllowUsers bob"), (2, "DenyUsers alice"), (1, "DenyUsers bob"),
                    (2, "AllowUsers alice@127.0.0.1"), (1, "AllowUsers alice@10.0.0.1 bob"), (2, "AllowUsers root alice"),
                    (1, "AllowGroups alice"), (1, "AllowGroups staff2"), (1, "DenyGroups staff2"), (1, "DenyUsers *@127.0.0.1"),
                    (1, "AllowUsers al*"), (1, "DenyGroups root"), (1, "AllowGroups alice root")));
                if (p.Chance(40)) s.AliceInShared = true;
                break;
            case "root": Global("PermitRootLogin " + p.One((3, "no"), (2, "yes"), (2, "prohibit-password"), (2, "forced-commands-only"), (1, "without-password"))); break;
            case "revoked":
                Global("RevokedKeys /etc/ssh/revoked_keys");
                var revoked = p.One((1, "other"), (1, "main"), (1, "missing"));
                if (revoked != "missing") s.RevokedKeys = (revoked == "main" ? s.Key : LabKeys.Other).Line + "\n";
                break;
            case "algorithms":
                Global("PubkeyAcceptedAlgorithms " + p.One((2, "rsa-sha2-512,rsa-sha2-256"), (2, "-ssh-ed25519*"), (1, "ssh-ed25519,rsa-sha2-512"),
                    (1, "+ssh-dss"), (1, "ssh-rsa"), (1, "-rsa-sha2-512"), (1, "ecdsa-sha2-nistp256,ssh-ed25519"), (1, "-ecdsa*"), (1, "+ssh-rsa")));
                break;
            case "rsasize": Global("RequiredRSASize " + p.One((1, "2048"), (1, "3072"), (1, "1024"))); break;
            case "broken": Global(p.One((1, "PubkeyAuthenticaton yes"), (1, "PermitRootLogin maybe"), (1, "StrictModes perhaps"))); break;
            case "chroot": Global("ChrootDirectory /home/%u"); break;
            case "tricky": Tricky(p, s, Global); break;
            case "matchmore":
                s.MatchBlocks.Add(p.One(
                    (1, $"Match User {s.User}\n    AuthorizedKeysFile .ssh/authorized_keys2"),
                    (1, "Match Group staff2\n    PubkeyAuthentication no"),
                    (1, "Match User root\n    PermitRootLogin no"),
                    (1, "Match User !bob,*\n    StrictModes no"),
                    (1, $"Match User {s.User} Address 10.0.0.0/8\n    PubkeyAuthentication no")));
                if (p.Chance(40)) s.AliceInShared = true;
                break;
            case "methods": Global("AuthenticationMethods " + p.One((2, "publickey,password"), (1, "publickey"), (1, "any"), (1, "password publickey"))); break;
            case "match": s.MatchBlocks.Add(p.One((1, "Match Address 10.0.0.0/8\n    PubkeyAuthentication no"), (1, "Match Address 127.0.0.1\n    PubkeyAuthentication no"))); break;
        }
    }

    /// <summary>Config and key-option spellings where a model can easily differ from sshd.</summary>
    private static void Tricky(Pick p, DiffState s, Action<string> global)
    {
        var line = s.Key.Line;
        switch (p.One((1, 0), (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8), (1, 9), (1, 10), (1, 11), (1, 12), (1, 13), (1, 14), (1, 15)))
        {
            case 0: global(p.One((1, "AllowUsers alice@127.0.0.0/8"), (1, "AllowUsers alice@localhost"), (1, "AllowUsers ALICE"), (1, "AllowUsers a?ice"))); break;
            case 1: global(p.One((1, "DenyUsers alice@127.0.0.0/8"), (1, "DenyUsers !alice,*"), (1, "DenyUsers *"), (1, "DenyGroups alice"))); break;
            case 2: s.KeysContent = $"from=\"{p.One((1, "127.0.0.1/32"), (1, "::1"), (1, "127.0.0.1,10.0.0.1"), (1, "10.*,!192.168.0.1"), (1, "127.0.0.0/33"))}\" {line}\n"; break;
            case 3: global("pubkeyauthentication " + p.One((1, "no"), (1, "yes"))); break;
            case 4: s.Config.Insert(0, "Include /etc/ssh/extra.conf"); s.ExtraFiles["/etc/ssh/extra.conf"] = p.One((1, "PubkeyAuthentication no"), (1, "StrictModes no"), (1, "AuthorizedKeysFile .ssh/other_keys")) + "\n"; break;
            case 5: s.Config.Insert(0, "Include extra.d/*.conf"); s.ExtraFiles["/etc/ssh/extra.d/a.conf"] = p.One((1, "PubkeyAuthentication no"), (1, "DenyUsers alice root"), (1, "PermitRootLogin no")) + "\n"; break;
            case 6: global("AuthorizedKeysFile " + p.One((1, "/home/%u/.ssh/keys_%U"), (1, "%h/.ssh/authorized_keys"), (1, ".ssh/authorized_keys_%u"), (1, "/etc/ssh/keys/%%u"))); break;
            case 7: s.MatchBlocks.Add(p.One((1, "Match Address 127.0.0.1\n    PermitRootLogin no"), (1, $"Match User {s.User}\n    AuthorizedKeysFile none"),
                        (1, "Match LocalPort 22\n    PubkeyAuthentication no"), (1, "Match User alice,root\n    PubkeyAcceptedAlgorithms rsa-sha2-512"))); break;
            case 8: s.MatchBlocks.Add("Match all\n    " + p.One((1, "PubkeyAuthentication no"), (1, "StrictModes no"), (1, "PermitRootLogin no"))); break;
            case 9: s.KeysContent = $"{p.One((1, "no-touch-required"), (1, "verify-required"), (1, "cert-authority"), (1, "permitopen=\"localhost:80\""), (1, "tunnel=\"0\""), (1, "zzz=\"x\""))} {line}\n"; break;
            case 10: s.KeysContent = $"{line} comment with \"quotes\" and =signs\n"; break;
            case 11: s.KeysContent = $"command=\"echo \\\"hi\\\"\",no-pty {line}\n"; break;
            case 12: s.KeysContent = $"{line}\n{line}\n"; s.RevokedKeys = LabKeys.Other.Line + "\n"; global("RevokedKeys /etc/ssh/revoked_keys"); break;
            case 13: global("AuthenticationMethods " + p.One((1, "publickey,publickey"), (1, "keyboard-interactive"), (1, "none"))); break;
            case 14: global("UsePAM " + p.One((1, "no"), (1, "yes"))); break;
            case 15: global("PermitRootLogin " + p.One((1, "No"), (1, "prohibit-password"), (1, "forced-commands-only"))); if (p.Chance(50)) s.KeysContent = $"command=\"true\" {line}\n"; break;
        }
    }

    private static DiffState.Node Node(Pick p, DiffState.Node? current, string[] modes, Func<int> owner, Func<int> group)
    {
        var n = current ?? new DiffState.Node("0755", Alice, Alice);
        return p.One((5, "mode"), (2, "owner"), (2, "group"), (1, "all")) switch
        {
            "mode" => n with { Mode = modes[p.One(modes.Select((_, i) => (1, i)).ToArray())] },
            "owner" => n with { Uid = owner() },
            "group" => n with { Gid = group(), Mode = p.Chance(60) ? $"0{n.Mode[1]}7{n.Mode[3]}" : n.Mode /* group-writable */ },
            _ => new DiffState.Node(modes[p.One(modes.Select((_, i) => (1, i)).ToArray())], owner(), group()),
        };
    }

    private static string KeyFile(Pick p, LabKey main)
    {
        var lines = new List<string>();
        if (p.Chance(30)) lines.Add(LabKeys.Other.Line + " old@laptop");
        if (p.Chance(10)) lines.Add("# keys for this account");
        if (p.Chance(5)) lines.Add("");
        var line = p.One(
            (6, main.Line + " lab@client"), (6, "__other__"),
            (3, $"from=\"127.0.0.1\" {main.Line}"), (3, $"from=\"10.0.0.0/8\" {main.Line}"), (2, $"from=\"!127.0.0.1,*\" {main.Line}"),
            (1, $"from=\"localhost\" {main.Line}"), (2, $"from=\"127.0.0.*\" {main.Line}"), (1, $"from=\"127.0.0.0/8\" {main.Line}"),
            (2, $"expiry-time=\"20200101\" {main.Line}"), (2, $"expiry-time=\"20991231\" {main.Line}"), (1, $"expiry-time=\"notadate\" {main.Line}"),
            (2, $"command=\"true\" {main.Line}"), (2, $"no-pty,no-port-forwarding {main.Line}"), (2, $"restrict {main.Line}"),
            (1, $"environment=\"A=b\" {main.Line}"), (2, $"principals=\"alice\" {main.Line}"), (2, $"no-such-option {main.Line}"),
            (1, $"from=127.0.0.1 {main.Line}"), (2, $"\"{main.Line}\""), (2, $"{main.Type} {main.Base64[..30]}\n{main.Base64[30..]}"),
            (2, $"{main.Type} {main.Base64[..24]} {main.Base64[24..]}"), (1, $"{main.Type} {main.Base64[..24]}\u00A0{main.Base64[24..]}"),
            (2, $"ssh-rsa {main.Base64}"), (2, $"   {main.Line}"), (2, $"{main.Type}\t{main.Base64}"), (1, "#" + main.Line),
            (1, $"alice {main.Line}"), (1, $"command=\"echo hi {main.Line}"), (1, $"{main.Line}   trailing words here"),
            (1, $"{main.Base64}"), (1, $"{main.Type}  {main.Base64}"));
        if (line != "__other__") lines.Add(line);
        if (p.Chance(15)) lines.Add(LabKeys.Other.Line);
        var bomFirst = p.Chance(6);
        var eol = p.One((85, "\n"), (15, "\r\n"));
        var text = (bomFirst ? "\uFEFF" : "") + string.Join(eol, lines) + (p.Chance(85) ? eol : "");
        return p.Chance(4) ? "utf16:" + text : text;
    }
}

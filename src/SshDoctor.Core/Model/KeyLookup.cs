using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model.Certificates;
using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>The outcome of looking the key up in the user's authorized keys files.</summary>
public sealed record LookupResult(bool Found, bool DependsOnAddress, AuthorizedKeyLine? Line, string? File);

/// <summary>
/// sshd's user_key_allowed over AuthorizedKeysFile: each file in order, opened as the user, StrictModes,
/// then line by line; the first usable line with this key whose options pass wins.
/// </summary>
public sealed class KeyLookup(TargetContext ctx, EffectiveConfig cfg, Account account, PublicKey? key, string? from, Evidence ev)
{
    private readonly FixCommands _fix = new(ctx, account);

    /// <summary>How the TrustedUserCAKeys path ended for a certificate (null: it does not apply).</summary>
    public CertPath? Trusted { get; init; }

    public LookupResult Run()
    {
        var patterns = cfg.AuthorizedKeysFiles;
        var files = new List<AuthorizedFileState>();
        // A from= line that needs the client address: a later file may still accept the key outright.
        LookupResult? conditional = null;
        foreach (var pattern in patterns.Value)
        {
            if (pattern.Equals("none", StringComparison.OrdinalIgnoreCase)) continue;
            var path = KeyFilePaths.Expand(pattern, account, ctx.Accounts, out var error);
            if (path is null)
            {
                // Reached only when the address does not match the earlier from= line: still undecided.
                if (conditional is not null) return conditional;
                // percent_expand is fatal: the connection dies here unless an earlier file had the key.
                ev.Add(FindingId.AUTHKEYS_FILE_CONFIG, Severity.Blocking, null, [ctx.Shell.OnRescueHost ? $"grep -rin authorizedkeysfile {ctx.Shell.Path("/etc/ssh")}" : "sshd -T | grep -i authorizedkeysfile"],
                    ("value", string.Join(' ', patterns.Value)), ("source", patterns.Where), ("detail", error ?? ""));
                return new LookupResult(false, false, null, null);
            }
            foreach (var file in Files(path))
            {
                var state = AuthorizedFileProbe.Probe(ctx, account, pattern, file, cfg.StrictModes.Value, key);
                files.Add(state);
                ReportHardLinked(state);
                if (key is not null && state.Gate == FileGate.Usable && FindUsable(state) is { } hit)
                {
                    if (!hit.DependsOnAddress) return hit;
                    conditional ??= hit;
                }
            }
        }
        if (conditional is not null) return conditional;

        if (files.Count == 0)
        {
            ev.Add(FindingId.AUTHKEYS_FILE_CONFIG, Severity.Blocking, null, [ctx.Shell.OnRescueHost ? $"grep -rin authorizedkeysfile {ctx.Shell.Path("/etc/ssh")}" : "sshd -T | grep -i authorizedkeysfile"],
                ("value", string.Join(' ', patterns.Value)), ("source", patterns.Where));
            return new LookupResult(false, false, null, null);
        }
        if (key?.Certificate is { } cert) return ReportCertificate(files, cert);
        return key is null ? ReportWithoutKey(files) : ReportRefusal(files, key);
    }

    /// <summary>
    /// auth_check_authkey_line for a certificate: a cert-authority line naming its CA; the line's options, then
    /// the validity window and principals (principals= or the user name), then the certificate's own options.
    /// </summary>
    private CertPath CertAuthorityLine(AuthorizedFileState state, AuthorizedKeyLine line, Certificate cert)
    {
        var via = $"{state.Path}:{line.Number}";
        if (TrustedCaPath.LineOptions(line.Options, ctx.Now, from) is { } refused) return refused with { Via = via };
        var principals = line.Options.Principals;
        var authority = CertificateRules.Authority(cert, ctx.Now, principals is null ? account.Name : null, requirePrincipal: false);
        if (authority != CertProblem.None) return new CertPath(via, authority);
        if (principals is not null && !CertificateRules.AnyPrincipalIn(cert, principals))
            return new CertPath(via, CertProblem.PrincipalNotAuthorized, Detail: "@cert.principals.option", Pattern: $"principals=\"{principals}\"");
        if (!CertificateRules.CriticalOptionsKnown(cert)) return new CertPath(via, CertProblem.BadCriticalOption);
        var source = CertificateRules.SourceAddress(cert, from);
        if (source == CertProblem.SourceAddressUnknown) return new CertPath(via, CertProblem.None, Conditional: true, Pattern: $"source-address {cert.SourceAddress}");
        return new CertPath(via, source);
    }

    private static IEnumerable<AuthorizedKeyLine> CertAuthorityLines(AuthorizedFileState state, Certificate cert) =>
        state.Lines.Where(l => l.Key is not null && l.Options.CertAuthority && l.Options.Error == OptionErrorKind.None
                               && l.Key.Equals(cert.SignatureKey));

    /// <summary>No path accepted the certificate (nor the plain key beside it): say why each one failed.</summary>
    private LookupResult ReportCertificate(List<AuthorizedFileState> files, Certificate cert)
    {
        var paths = new List<CertPath>();
        if (Trusted is { Conditional: true } t)
        {
            // TrustedUserCAKeys may still accept it: the other paths' failures decide nothing.
            CertFindings.Report(ev, [t], cert, account.Name, from);
            return new LookupResult(false, true, null, null);
        }
        if (Trusted is { } trusted) paths.Add(trusted);
        var gated = false;
        foreach (var state in files)
        {
            if (state.Gate != FileGate.Usable)
            {
                // sshd cannot read this file: a cert-authority line in it counts for nothing.
                if (state.Text is { } text && text.Contains(cert.SignatureKey.Base64.TrimEnd('='), StringComparison.Ordinal))
                {
                    ReportGate(state);
                    gated = true;
                }
                continue;
            }
            paths.AddRange(CertAuthorityLines(state, cert).Select(l => CertAuthorityLine(state, l, cert)));
        }
        if (paths.Count == 0 && !gated) CertFindings.Untrusted(ev, cert, account.Name);
        CertFindings.Report(ev, paths, cert, account.Name, from);
        var conditional = paths.Any(p => p.Conditional);
        return new LookupResult(false, conditional, null, null);
    }

    /// <summary>
    /// OpenSSH 10.0 passes each expanded AuthorizedKeysFile through glob(3) (sorted; no match: the entry is
    /// skipped without a log line). Older versions open the name as written, wildcards included: such a file
    /// rarely exists, and the entry then only tells that this sshd is too old for the configured pattern
    /// (AUTHKEYS_FILE_CONFIG when no other file is read).
    /// </summary>
    private IEnumerable<string> Files(string path)
    {
        if (path.IndexOfAny(['*', '?', '[']) < 0) return [path];
        if (ctx.Version.AtLeast(10, 0)) return Glob.Expand(ctx.Root, path);
        return ctx.Root.Stat(path).Exists ? [path] : [];
    }

    /// <summary>A usable line for the key whose options pass; a from= without --from makes it conditional.</summary>
    private LookupResult? FindUsable(AuthorizedFileState state)
    {
        LookupResult? conditional = null;
        if (key!.Certificate is { } cert)
            foreach (var line in CertAuthorityLines(state, cert))
            {
                var path = CertAuthorityLine(state, line, cert);
                if (path.Accepted) return new LookupResult(true, false, line, state.Path);
                if (path.Conditional) conditional ??= new LookupResult(true, true, line, state.Path);
            }
        foreach (var line in state.Lines)
        {
            if (!line.Usable || !line.Key!.Equals(key)) continue;
            switch (OptionsVerdict(line))
            {
                case OptionOutcome.Pass:
                    return new LookupResult(true, false, line, state.Path);
                case OptionOutcome.Conditional:
                    conditional ??= new LookupResult(true, true, line, state.Path);
                    break;
            }
        }
        return conditional;
    }

    private enum OptionOutcome { Pass, Conditional, Expired, Principals, FromRefused }

    /// <summary>auth_authorise_keyopts: expiry, principals on a plain key, then from=.</summary>
    private OptionOutcome OptionsVerdict(AuthorizedKeyLine line)
    {
        var o = line.Options;
        if (o.Expiry is { } expiry && expiry < ctx.Now) return OptionOutcome.Expired;
        if (o.Principals is not null) return OptionOutcome.Principals;
        if (o.From is not null)
        {
            if (from is null) return OptionOutcome.Conditional;
            if (Patterns.HostAndIp(from, from, o.From) != 1) return OptionOutcome.FromRefused;
        }
        return OptionOutcome.Pass;
    }

    private LookupResult ReportRefusal(List<AuthorizedFileState> files, PublicKey wanted)
    {
        var anyTrace = false;
        foreach (var state in files)
        {
            var carries = Carries(state, wanted);
            if (!carries) continue;
            anyTrace = true;
            if (state.Gate != FileGate.Usable)
            {
                ReportGate(state);
                continue;
            }
            ReportLines(state, wanted);
        }
        if (anyTrace) return new LookupResult(false, false, null, null);

        // The key is nowhere sshd looks. Say what is missing, or that the key is simply not listed.
        var primary = files[0];
        var defaultFile = account.Home.TrimEnd('/') + "/.ssh/authorized_keys";
        if (!files.Any(f => f.Path == defaultFile) && FileCarriesKey(defaultFile, wanted))
        {
            ev.Add(FindingId.AUTHKEYS_FILE_CONFIG, Severity.Blocking, defaultFile, [ctx.Shell.OnRescueHost ? $"grep -rin authorizedkeysfile {ctx.Shell.Path("/etc/ssh")}" : "sshd -T | grep -i authorizedkeysfile"],
                ("value", string.Join(' ', cfg.AuthorizedKeysFiles.Value)), ("source", cfg.AuthorizedKeysFiles.Where));
            return new LookupResult(false, false, null, null);
        }
        if (primary.Gate is FileGate.HomeMissing or FileGate.DirMissing or FileGate.FileMissing or FileGate.NotRegular)
        {
            ReportGate(primary);
            return new LookupResult(false, false, null, null);
        }
        ev.Add(FindingId.KEY_NOT_AUTHORIZED, Severity.Blocking, primary.Path, [_fix.AppendKey(primary.Path, wanted)],
            ("user", account.Name), ("files", string.Join(", ", files.Select(f => f.Path))));
        // Adding the key is not enough when the file itself is refused.
        if (primary.Gate != FileGate.Usable) ReportGate(primary);
        return new LookupResult(false, false, null, null);
    }

    private bool FileCarriesKey(string path, PublicKey wanted)
    {
        var text = ctx.Root.ReadText(path, 16 * 1024 * 1024);
        return text is not null && text.Contains(wanted.Base64.TrimEnd('='), StringComparison.Ordinal);
    }

    /// <summary>Whether the file holds the key in any form (valid, damaged, UTF-16).</summary>
    private static bool Carries(AuthorizedFileState state, PublicKey wanted)
    {
        if (state.Utf16 is { } u) return u.Text.Contains(wanted.Base64.TrimEnd('='), StringComparison.Ordinal)
                                          || DamageDetector.Find(u.Text, wanted).Count > 0;
        if (state.Lines.Any(l => l.Key is not null && l.Key.Equals(wanted))) return true;
        return state.Text is not null && DamageDetector.Find(state.Text, wanted).Count > 0;
    }

    private void ReportLines(AuthorizedFileState state, PublicKey wanted)
    {
        var path = state.Path;
        if (state.Utf16 is not null)
        {
            ReportEncoding(state);
            return;
        }
        foreach (var line in state.Lines.Where(l => l.Key is not null && l.Key.Equals(wanted)))
        {
            var n = line.Number.ToString();
            var o = line.Options;
            if (o.Error == OptionErrorKind.BadExpiry || (o.Error == OptionErrorKind.None && o.Expiry is { } e && e < ctx.Now))
            {
                ev.Add(FindingId.KEY_OPTION_EXPIRED, Severity.Blocking, path,
                    [Sh.SedInPlace($"{n}s/expiry-time=\"[^\"]*\",\\{{0,1\\}}//", path)],
                    ("line", n), ("value", o.ExpiryText ?? ""));
                continue;
            }
            if (o.Error == OptionErrorKind.Malformed)
            {
                ev.Add(FindingId.KEY_OPTION_INVALID, Severity.Blocking, path, [Sh.ShowLine(line.Number, path)],
                    ("line", n), ("option", o.ErrorDetail ?? ""));
                continue;
            }
            if (o.Error == OptionErrorKind.UnknownOption) continue; // reported as a damaged line below
            if (o.CertAuthority)
            {
                // The line admits only certificates signed by this key, never the key itself.
                ev.Add(FindingId.KEY_OPTION_INVALID, Severity.Blocking, path, [Sh.ShowLine(line.Number, path)],
                    ("line", n), ("option", "cert-authority"));
                continue;
            }
            if (o.Principals is not null)
            {
                ev.Add(FindingId.KEY_OPTION_INVALID, Severity.Blocking, path, [Sh.SedInPlace($"{n}s/principals=\"[^\"]*\",\\{{0,1\\}}//", path)],
                    ("line", n), ("option", $"principals=\"{o.Principals}\""));
                continue;
            }
            if (o.From is not null && from is not null)
                ev.Add(FindingId.KEY_OPTION_FROM, Severity.Blocking, path,
                    [Sh.SedInPlace($"{n}s/from=\"{HostShell.SedRegex(o.From)}\"/from=\"{HostShell.SedReplacement(o.From + "," + from)}\"/", path)],
                    ("line", n), ("pattern", o.From), ("from", from));
        }
        foreach (var damaged in state.Text is null ? [] : DamageDetector.Find(state.Text, wanted))
        {
            var fix = damaged.Problem == "line.bom" && damaged.Number == 1
                ? Sh.SedInPlace("1s/^\\xEF\\xBB\\xBF//", path)
                : _fix.AppendKey(path, wanted);
            var extra = damaged.Problem switch
            {
                "line.type_mismatch" => ("type", damaged.Detail),
                "line.unknown_option" => ("option", damaged.Detail),
                "line.stray_word" => ("word", damaged.Detail),
                _ => ("detail", damaged.Detail),
            };
            ev.Add(FindingId.KEY_LINE_INVALID, Severity.Blocking, path, [fix],
                ("line", damaged.Number.ToString()), ("problem", "@" + damaged.Problem), extra);
        }
    }

    /// <summary>A UTF-16 file: sshd sees no valid line in it at all.</summary>
    private void ReportEncoding(AuthorizedFileState state)
    {
        var (encoding, _) = state.Utf16!.Value;
        var path = state.Path;
        ev.Add(FindingId.AUTHKEYS_ENCODING, Severity.Blocking, path,
            [Sh.ReEncodeUtf16(path, encoding)],
            ("encoding", encoding));
    }

    private HostShell Sh => ctx.Shell;

    /// <summary>
    /// sshd reads a file with several names like any other (it checks owner and mode, never the link count), so
    /// this never blocks; but fix will not chown or rewrite it (that would change the other names: another user's
    /// file, /etc/shadow), and the administrator should know why.
    /// </summary>
    private void ReportHardLinked(AuthorizedFileState state)
    {
        if (!state.Meta.HardLinked || ctx.Root.RealPath(state.Path) is not { } real) return;
        if (ev.Findings.Any(f => f.Id == FindingId.AUTHKEYS_HARDLINKED && f.Path == real)) return;
        ev.Add(FindingId.AUTHKEYS_HARDLINKED, Severity.Warning, real, [Sh.FindOtherNames(real)],
            ("user", account.Name), ("links", state.Meta.Nlink.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Why sshd does not read this file at all.</summary>
    private void ReportGate(AuthorizedFileState state)
    {
        var user = account.Name;
        switch (state.Gate)
        {
            case FileGate.HomeMissing:
                ev.Add(FindingId.HOME_MISSING, Severity.Blocking, state.GatePath, _fix.CreateChain(state.GatePath!, state.Path, key), ("user", user));
                break;
            case FileGate.DirMissing:
                ev.Add(FindingId.SSH_DIR_MISSING, Severity.Blocking, state.GatePath, _fix.CreateChain(state.GatePath!, state.Path, key), ("user", user));
                break;
            case FileGate.FileMissing:
                var (owner, mode) = _fix.NewFileOwnerAndMode(state.Path);
                ev.Add(FindingId.AUTHKEYS_MISSING, Severity.Blocking, state.Path, _fix.CreateFile(state.Path, key), ("user", user), ("owner", owner), ("mode", mode));
                break;
            case FileGate.NotRegular:
                ev.Add(FindingId.AUTHKEYS_NOT_REGULAR, Severity.Blocking, state.Path,
                    [Sh.MoveAside(state.Path, state.Path + ".sshdoctor-moved"), .. _fix.CreateFile(state.Path, key)], ("user", user));
                break;
            case FileGate.Unreadable:
                ev.Add(FindingId.AUTHKEYS_UNREADABLE, Severity.Blocking, state.Path, UnreadableFix(state),
                    ("user", user), ("blocker", state.GatePath ?? state.Path), ("reason", "@" + (state.GateReason ?? "reason.not_readable")));
                break;
            case FileGate.Strict:
                foreach (var v in state.Violations)
                {
                    if (v.Fault == StrictFault.Owner)
                        ev.Add(FindingId.STRICTMODES_OWNER, Severity.Blocking, v.Path, [OwnerFix(v.Path)],
                            ("user", user), ("owner", ctx.Accounts.UserName(v.Meta.Uid)));
                    else
                        ev.Add(FindingId.STRICTMODES_MODE, Severity.Blocking, v.Path, [_fix.RemoveWriteBits(v.Path)],
                            ("user", user), ("mode", v.Meta.Octal));
                }
                break;
        }
    }

    private string OwnerFix(string path) => ctx.InHome(account, path) ? _fix.ChownToUser(path) : Sh.Chown(Sh.RootOwner, path);

    private IReadOnlyList<string> UnreadableFix(AuthorizedFileState state)
    {
        var blocker = state.GatePath ?? state.Path;
        var meta = ctx.Root.Stat(blocker);
        if (!ctx.InHome(account, blocker))
        {
            // An administrator's file or directory: a later AuthorizedKeysFile entry that works takes the key (as fix does).
            if (key is not null && new Repair.KeyPlacement(ctx, account, from).Choose() is { } home && home.Path != (ctx.Root.RealPath(state.Path) ?? state.Path))
            {
                if (home.Exists) return [_fix.AppendKey(home.Path, key)];
                var firstMissing = home.Path;
                for (var d = TargetRoot.DirName(home.Path); d != "/" && ctx.Root.RealPath(d) is null; d = TargetRoot.DirName(d)) firstMissing = d;
                return _fix.CreateChain(firstMissing, home.Path, key);
            }
            return [Sh.Chmod(meta.Kind == FileKind.Directory ? "o+x" : "o+r", blocker)];
        }
        var commands = new List<string>();
        if (meta.Uid != account.Uid) commands.Add(_fix.ChownToUser(blocker));
        commands.Add(Sh.Chmod(meta.Kind == FileKind.Directory ? "u+rwx" : "u+r", blocker));
        return commands;
    }

    /// <summary>Without a key: does anything stop every key? Only when no file is usable.</summary>
    private LookupResult ReportWithoutKey(List<AuthorizedFileState> files)
    {
        var usable = files.Where(f => f.Gate == FileGate.Usable).ToList();
        if (usable.Count > 0)
        {
            foreach (var f in usable.Where(f => f.Utf16 is not null)) ReportEncoding(f);
            return new LookupResult(usable.Any(f => f.Lines.Any(l => l.Usable)), false, null, null);
        }
        var existing = files.Where(f => f.Gate is not (FileGate.HomeMissing or FileGate.DirMissing or FileGate.FileMissing)).ToList();
        if (existing.Count == 0) ReportGate(files[0]);
        else foreach (var f in existing) ReportGate(f);
        return new LookupResult(false, false, null, null);
    }
}

using System.Runtime.CompilerServices;
using System.Text;
using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Logs;

/// <summary>
/// Reads one sshd message (the text after `sshd[pid]: `) in the wordings of OpenSSH 7.4 to 10.0 and says
/// what it means. Works on UTF-8 bytes and allocates strings only for the fields of lines it recognizes.
/// </summary>
public static class SshdMessageClassifier
{
    public static SshdEvent Classify(string message) => Classify(Encoding.UTF8.GetBytes(message));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SshdEvent Classify(ReadOnlySpan<byte> m)
    {
        m = Trim(m);
        // Prefixes some versions and syslog setups add.
        if (m.StartsWith("fatal: "u8)) m = m[7..];
        else if (m.StartsWith("error: "u8)) m = m[7..];
        if (m.EndsWith(" [preauth]"u8)) m = m[..^10];
        else if (m.EndsWith(" [postauth]"u8)) m = m[..^11];
        if (m.IsEmpty) return default;

        switch (m[0])
        {
            case (byte)'A': return ClassifyA(m);
            case (byte)'C': return ClassifyC(m);
            case (byte)'D': return ClassifyD(m);
            case (byte)'E': return ClassifyE(m);
            case (byte)'F': return ClassifyF(m);
            case (byte)'I': return ClassifyI(m);
            case (byte)'P': return ClassifyP(m);
            case (byte)'R': return ClassifyR(m);
            case (byte)'T': return ClassifyT(m);
            case (byte)'U': return ClassifyU(m);
        }
        return ClassifyOther(m);
    }

    // ---- A: Accepted …, Authentication refused …, Authentication tried …, Access denied …, Account … expired, AuthorizedKeysCommand …
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SshdEvent ClassifyA(ReadOnlySpan<byte> m)
    {
        if (m.StartsWith("Accepted key "u8))
            return new SshdEvent { Kind = SshdEventKind.PublickeyActivity };
        if (m.StartsWith("Accepted "u8))
        {
            // Accepted publickey for U from A port P ssh2: TYPE FP
            var rest = m[9..];
            var sp = rest.IndexOf((byte)' ');
            if (sp < 0) return default;
            UserFromAddr(rest[(sp + 1)..], "for "u8, out var user, out var addr);
            return new SshdEvent
            {
                Kind = SshdEventKind.Accepted, User = user, Address = addr,
                Detail = S(rest[..sp]),
            };
        }
        if (m.StartsWith("Authentication refused: "u8))
        {
            // bad ownership or modes for directory X / file X
            var r = m[24..];
            var path = After(r, "for directory "u8);
            if (path.IsEmpty) path = After(r, "for file "u8);
            return SshdEvent.Refused(FindingId.STRICTMODES_MODE, path: path,
                detail: S(r), alternative: FindingId.STRICTMODES_OWNER);
        }
        if (m.StartsWith("Access denied for user "u8))
        {
            var r = m[23..];
            var sp = r.IndexOf(" by "u8);
            return SshdEvent.Refused(FindingId.USER_EXPIRED, user: S(sp < 0 ? r : r[..sp]),
                detail: S(m), alternative: FindingId.NOLOGIN_FILE);
        }
        if (m.StartsWith("Account "u8) && m.EndsWith(" has expired"u8))
            return SshdEvent.Refused(FindingId.USER_EXPIRED, user: S(m[8..^12]));
        if (m.StartsWith("Authentication key "u8) && m.IndexOf(" revoked by file "u8) > 0)
            return SshdEvent.Refused(FindingId.KEY_REVOKED, path: S(After(m, " revoked by file "u8)), detail: S(m));
        if (m.StartsWith("AuthorizedKeysCommand"u8))
            return AuthorizedKeysCommand(m);
        return ClassifyOther(m);
    }

    // ---- C: Connection from/closed/reset, Could not open …, Could not load host key
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SshdEvent ClassifyC(ReadOnlySpan<byte> m)
    {
        if (m.StartsWith("Connection from "u8))
        {
            var r = m[16..];
            var sp = r.IndexOf((byte)' ');
            return new SshdEvent { Kind = SshdEventKind.ConnectionFrom, Address = S(sp < 0 ? r : r[..sp]) };
        }
        if (m.StartsWith("Connection closed by "u8)) return EndLine(m[21..]);
        if (m.StartsWith("Connection reset by "u8)) return EndLine(m[20..]);
        if (m.StartsWith("Could not open "u8))
        {
            // 9.1+: Could not open user 'U' authorized keys 'PATH': Permission denied
            // older:  Could not open authorized keys 'PATH': Permission denied
            var r = m[15..];
            ReadOnlySpan<byte> user = default;
            if (r.StartsWith("user "u8))
            {
                var u = Word(r[5..], out var len);
                user = u;
                r = r[Math.Min(r.Length, 5 + len + 1)..];
            }
            if (!r.StartsWith("authorized keys "u8) && !r.StartsWith("authorized principals "u8)) return ClassifyOther(m);
            var colon = r.LastIndexOf(": "u8);
            if (colon < 0) return default;
            var why = r[(colon + 2)..];
            var head = r[..colon];
            var path = Unquote(head[(head.StartsWith("authorized keys "u8) ? 16 : 22)..]);
            if (why.StartsWith("No such file"u8))
                return SshdEvent.Refused(FindingId.AUTHKEYS_MISSING, user: user, path: S(path));
            return SshdEvent.Refused(FindingId.AUTHKEYS_UNREADABLE, user: user, path: S(path), detail: S(why),
                alternative: FindingId.SELINUX_LABEL);
        }
        if (m.StartsWith("Could not load host key: "u8))
            return new SshdEvent { Kind = SshdEventKind.Server, Cause = FindingId.SSHD_HOST_KEYS_MISSING, Path = S(m[25..]) };
        return ClassifyOther(m);
    }

    // ---- D: Disconnected from …, Disconnecting … user U A port P: Too many authentication failures
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SshdEvent ClassifyD(ReadOnlySpan<byte> m)
    {
        if (m.StartsWith("Disconnected from "u8)) return EndLine(m[18..]);
        if (m.StartsWith("Disconnecting "u8))
        {
            var e = EndLine(m[14..]);
            if (m.IndexOf("Too many authentication failures"u8) >= 0)
            {
                e.Kind = SshdEventKind.Refusal;
                e.Cause = FindingId.TOO_MANY_AUTH_TRIES;
                e.AlsoEnds = true;
            }
            return e;
        }
        return ClassifyOther(m);
    }

    private static SshdEvent ClassifyE(ReadOnlySpan<byte> m)
    {
        if (m.StartsWith("Error checking authentication key "u8))
            return SshdEvent.Refused(FindingId.KEY_REVOKED, path: S(After(m, " revoked keys file "u8)), detail: S(m));
        return ClassifyOther(m);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SshdEvent ClassifyF(ReadOnlySpan<byte> m)
    {
        if (!m.StartsWith("Failed "u8)) return ClassifyOther(m);
        var r = m[7..];
        var sp = r.IndexOf((byte)' ');
        if (sp < 0) return default;
        var method = r[..sp];
        var invalid = r[(sp + 1)..].StartsWith("for invalid user "u8);
        UserFromAddr(r[(sp + 1)..], invalid ? "for invalid user "u8 : "for "u8, out var user, out var addr);
        return new SshdEvent
        {
            Kind = method.SequenceEqual("publickey"u8) ? SshdEventKind.FailedPublickey : SshdEventKind.FailedOther,
            User = user, Address = addr, InvalidUser = invalid,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SshdEvent ClassifyI(ReadOnlySpan<byte> m)
    {
        if (!m.StartsWith("Invalid user "u8)) return ClassifyOther(m);
        // Invalid user U from A port P   (U may be empty or contain spaces: take the last " from ")
        var r = m[13..];
        var from = r.LastIndexOf(" from "u8);
        ReadOnlySpan<byte> user;
        ReadOnlySpan<byte> addr = default;
        if (from >= 0)
        {
            user = S(r[..from]);
            var a = r[(from + 6)..];
            var sp = a.IndexOf((byte)' ');
            addr = S(sp < 0 ? a : a[..sp]);
        }
        else if (r.StartsWith("from "u8))
        {
            user = ReadOnlySpan<byte>.Empty;
            var a = r[5..];
            var sp = a.IndexOf((byte)' ');
            addr = S(sp < 0 ? a : a[..sp]);
        }
        else user = S(r);
        var e = SshdEvent.Refused(FindingId.USER_UNKNOWN, user: user, address: addr);
        e.InvalidUser = true;
        e.HasUser = true;
        return e;
    }

    private static SshdEvent ClassifyP(ReadOnlySpan<byte> m)
    {
        if (m.StartsWith("Postponed publickey"u8))
            return new SshdEvent { Kind = SshdEventKind.PublickeyActivity };
        if (m.StartsWith("Partial publickey for "u8))
        {
            UserFromAddr(m[18..], "for "u8, out var user, out var addr);
            return SshdEvent.Refused(FindingId.AUTH_METHODS_REQUIRED, user: user, address: addr);
        }
        return ClassifyOther(m);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SshdEvent ClassifyR(ReadOnlySpan<byte> m)
    {
        // The client's own disconnect reason (`Received disconnect from A port P:11: TEXT`): its words are not
        // sshd's, so nothing in them is a refusal or a server problem (and a scanner's text must not become one).
        if (m.StartsWith("Received disconnect from "u8)) return default;
        if (m.StartsWith("ROOT LOGIN REFUSED FROM "u8))
        {
            var a = m[24..];
            var sp = a.IndexOf((byte)' ');
            return SshdEvent.Refused(FindingId.ROOT_LOGIN_REFUSED, user: "root"u8, address: S(sp < 0 ? a : a[..sp]));
        }
        if (m.StartsWith("Refused by key options"u8))
            return SshdEvent.Refused(FindingId.KEY_OPTION_EXPIRED, alternative: FindingId.KEY_OPTION_INVALID);
        if (m.StartsWith("refusing RSA key"u8)) return RsaTooSmall(m);
        return ClassifyOther(m);
    }

    private static SshdEvent ClassifyT(ReadOnlySpan<byte> m)
    {
        if (m.StartsWith("Timeout before authentication for "u8))
        {
            var a = m[34..];
            var sp = a.IndexOf((byte)' ');
            return new SshdEvent { Kind = SshdEventKind.End, Address = S(sp < 0 ? a : a[..sp]), Authenticating = true };
        }
        return ClassifyOther(m);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SshdEvent ClassifyU(ReadOnlySpan<byte> m)
    {
        if (m.StartsWith("User "u8))
        {
            var r = m[5..];
            // 9.x: User 'U' authorized keys 'PATH' is not a regular file; older: User U authorized keys PATH is not a regular file
            if (r.EndsWith(" is not a regular file"u8))
            {
                var body = r[..^22];
                var user = Word(body, out var len);
                var rest = body[Math.Min(body.Length, len + 1)..];
                var path = rest.StartsWith("authorized keys "u8) ? rest[16..]
                    : rest.StartsWith("authorized principals "u8) ? rest[22..] : rest;
                return SshdEvent.Refused(FindingId.AUTHKEYS_NOT_REGULAR, user: user, path: S(Unquote(path)));
            }
            var because = r.IndexOf(" not allowed because "u8);
            if (because > 0)
            {
                var who = r[..because];
                var why = r[(because + 21)..];
                ReadOnlySpan<byte> user;
                ReadOnlySpan<byte> addr = default;
                var from = who.IndexOf(" from "u8);
                if (from >= 0) { user = S(who[..from]); addr = S(who[(from + 6)..]); }
                else user = S(who);
                if (why.StartsWith("account is locked"u8))
                    return SshdEvent.Refused(FindingId.USER_LOCKED, user: user, address: addr);
                if (why.StartsWith("shell "u8))
                {
                    var s = why[6..];
                    var end = s.IndexOf(" does not exist"u8);
                    if (end < 0) end = s.IndexOf(" is not executable"u8);
                    return SshdEvent.Refused(FindingId.USER_SHELL_INVALID, user: user, address: addr,
                        path: S(end < 0 ? s : s[..end]), detail: S(why));
                }
                if (why.IndexOf("Allow"u8) >= 0 || why.IndexOf("Deny"u8) >= 0)
                    return SshdEvent.Refused(FindingId.USER_DENIED, user: user, address: addr, detail: S(why));
                return SshdEvent.Refused(FindingId.USER_DENIED, user: user, address: addr, detail: S(why));
            }
        }
        if (m.StartsWith("Unsafe AuthorizedKeysCommand"u8))
            return SshdEvent.Refused(FindingId.AUTHKEYS_COMMAND, detail: S(m));
        return ClassifyOther(m);
    }

    /// <summary>Messages with a function-name prefix or no fixed first word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SshdEvent ClassifyOther(ReadOnlySpan<byte> m)
    {
        // userauth_pubkey: signature algorithm X not in PubkeyAcceptedAlgorithms (9.0+)
        //                  key type X not in PubkeyAcceptedAlgorithms (8.5–8.9) / PubkeyAcceptedKeyTypes (≤8.4)
        var notIn = m.IndexOf(" not in PubkeyAccepted"u8);
        if (notIn > 0)
        {
            var head = m[..notIn];
            var sp = head.LastIndexOf((byte)' ');
            var alg = head[(sp + 1)..];
            var id = alg.SequenceEqual("ssh-rsa"u8) || alg.SequenceEqual("ssh-rsa-cert-v01@openssh.com"u8) ? FindingId.RSA_SHA1_REFUSED : FindingId.KEY_ALGORITHM_REFUSED;
            return SshdEvent.Refused(id, detail: alg);
        }
        var tried = m.IndexOf("Authentication tried for "u8);
        if (tried >= 0)
        {
            // PATH:LINE: Authentication tried for U with correct key but not from a permitted host (host=H, ip=A, …).
            var r = m[(tried + 25)..];
            var user = Word(r, out _);
            ReadOnlySpan<byte> path = default;
            if (tried > 2)
            {
                var loc = m[..(tried - 2)];
                var c = loc.LastIndexOf((byte)':');
                path = S(c > 0 ? loc[..c] : loc);
            }
            ReadOnlySpan<byte> addr = default;
            var ip = r.IndexOf("ip="u8);
            if (ip >= 0)
            {
                var a = r[(ip + 3)..];
                var end = a.IndexOfAny((byte)',', (byte)')');
                addr = S(end < 0 ? a : a[..end]);
            }
            return SshdEvent.Refused(FindingId.KEY_OPTION_FROM, user: user, address: addr, path: path);
        }
        if (m.StartsWith("refusing RSA key"u8) || m.IndexOf(": refusing RSA key"u8) >= 0) return RsaTooSmall(m);
        if (m.IndexOf(MaxAuth) is var max and >= 0)
        {
            var r = m[(max + MaxAuth.Length)..];
            var invalid = r.StartsWith("invalid user "u8);
            if (invalid) r = r[13..];
            var from = r.LastIndexOf(" from "u8);
            ReadOnlySpan<byte> user = from >= 0 ? S(r[..from]) : default;
            ReadOnlySpan<byte> addr = default;
            if (from >= 0)
            {
                var a = r[(from + 6)..];
                var sp = a.IndexOf((byte)' ');
                addr = S(sp < 0 ? a : a[..sp]);
            }
            var e = SshdEvent.Refused(FindingId.TOO_MANY_AUTH_TRIES, user: user, address: addr);
            e.InvalidUser = invalid;
            return e;
        }
        if (m.IndexOf("percent_expand: "u8) >= 0)
        {
            var e = SshdEvent.Refused(FindingId.AUTHKEYS_FILE_CONFIG, detail: S(m));
            e.AlsoEnds = m.EndsWith("failed"u8);
            return e;
        }
        if (m.IndexOf("bad key options: "u8) >= 0)
            return SshdEvent.Refused(FindingId.KEY_OPTION_INVALID, detail: S(After(m, "bad key options: "u8)));
        if (m.IndexOf("AuthorizedKeysCommand"u8) >= 0 && (m.IndexOf("failed"u8) >= 0 || m.IndexOf("not found"u8) >= 0 || m.IndexOf("exited"u8) >= 0))
            return SshdEvent.Refused(FindingId.AUTHKEYS_COMMAND, detail: S(m));
        if (m.IndexOf("no hostkeys available"u8) >= 0)
            return new SshdEvent { Kind = SshdEventKind.Server, Cause = FindingId.SSHD_HOST_KEYS_MISSING, Detail = S(m) };
        if (m.IndexOf("Bad configuration option"u8) >= 0 || m.IndexOf("bad configuration option"u8) >= 0 ||
            m.IndexOf("Missing argument"u8) >= 0 && m.IndexOf(" line "u8) >= 0 ||
            m.IndexOf("Unsupported option"u8) >= 0 && m.IndexOf(" line "u8) >= 0)
            return new SshdEvent { Kind = SshdEventKind.Server, Cause = FindingId.SSHD_CONFIG_INVALID, Detail = S(m) };
        if (m.IndexOf("No space left on device"u8) >= 0)
            return new SshdEvent { Kind = SshdEventKind.Server, Cause = FindingId.DISK_FULL, Detail = S(m) };
        return default;
    }

    private static ReadOnlySpan<byte> MaxAuth => "maximum authentication attempts exceeded for "u8;

    private static SshdEvent AuthorizedKeysCommand(ReadOnlySpan<byte> m)
    {
        if (m.IndexOf("failed"u8) >= 0 || m.IndexOf("not found"u8) >= 0 || m.IndexOf("exited"u8) >= 0 ||
            m.IndexOf("bad"u8) >= 0 || m.IndexOf("Unsafe"u8) >= 0 || m.IndexOf("returned status"u8) >= 0)
            return SshdEvent.Refused(FindingId.AUTHKEYS_COMMAND, detail: S(m));
        return default;
    }

    private static SshdEvent RsaTooSmall(ReadOnlySpan<byte> m) =>
        SshdEvent.Refused(FindingId.KEY_RSA_TOO_SMALL, detail: S(m));

    /// <summary>`[authenticating |invalid ]user U A port P`, or `A port P` (closed before any user).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SshdEvent EndLine(ReadOnlySpan<byte> r)
    {
        var e = new SshdEvent { Kind = SshdEventKind.End };
        if (r.StartsWith("authenticating user "u8)) { e.Authenticating = true; r = r[20..]; }
        else if (r.StartsWith("invalid user "u8)) { e.InvalidUser = true; e.Authenticating = true; r = r[13..]; }
        else if (r.StartsWith("user "u8)) r = r[5..];
        else
        {
            // No user: "Connection closed by A port P"
            var sp0 = r.IndexOf((byte)' ');
            e.Address = S(sp0 < 0 ? r : r[..sp0]);
            e.Authenticating = true;
            return e;
        }
        // U A port P[...]: the address is the word before " port ".
        var port = r.LastIndexOf(" port "u8);
        var who = port < 0 ? r : r[..port];
        var sp = who.LastIndexOf((byte)' ');
        if (sp < 0) { e.User = S(who); return e; }
        e.User = S(who[..sp]);
        e.Address = S(who[(sp + 1)..]);
        return e;
    }

    /// <summary>`for U from A port P …` → (U, A).</summary>
    private static void UserFromAddr(ReadOnlySpan<byte> r, ReadOnlySpan<byte> prefix, out ReadOnlySpan<byte> user, out ReadOnlySpan<byte> address)
    {
        user = default;
        address = default;
        if (!r.StartsWith(prefix)) return;
        r = r[prefix.Length..];
        var from = r.LastIndexOf(" from "u8);
        if (from < 0) { user = r; return; }
        var a = r[(from + 6)..];
        var sp = a.IndexOf((byte)' ');
        user = r[..from];
        address = sp < 0 ? a : a[..sp];
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> r, out int length)
    {
        if (r.Length > 0 && r[0] == (byte)'\'')
        {
            var end = r[1..].IndexOf((byte)'\'');
            if (end >= 0) { length = end + 2; return r[1..(end + 1)]; }
        }
        var sp = r.IndexOf((byte)' ');
        var w = sp < 0 ? r : r[..sp];
        length = w.Length;
        return w;
    }

    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> s)
    {
        s = Trim(s);
        if (s.Length >= 2 && (s[0] == (byte)'\'' || s[0] == (byte)'"') && s[^1] == s[0]) return s[1..^1];
        return s;
    }

    private static ReadOnlySpan<byte> After(ReadOnlySpan<byte> s, ReadOnlySpan<byte> marker)
    {
        var i = s.IndexOf(marker);
        return i < 0 ? default : s[(i + marker.Length)..];
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        while (s.Length > 0 && (s[^1] == (byte)'\r' || s[^1] == (byte)' ' || s[^1] == (byte)'\n')) s = s[..^1];
        while (s.Length > 0 && s[0] == (byte)' ') s = s[1..];
        return s;
    }

    private static ReadOnlySpan<byte> S(ReadOnlySpan<byte> s) => s;
}

namespace SshDoctor.Core.Sshd;

public enum KeywordKind
{
    /// <summary>yes/no; first value wins.</summary>
    Flag,
    /// <summary>One value; first wins.</summary>
    Single,
    /// <summary>All arguments of the first line win (AuthorizedKeysFile).</summary>
    FirstLine,
    /// <summary>Every line adds (AllowUsers, HostKey, Port...).</summary>
    Accumulate,
    Integer,
    /// <summary>One convtime(3) value ("300", "5m", "1h30m"); first wins.</summary>
    Time,
    /// <summary>sshd logs "Deprecated option" and ignores it.</summary>
    Deprecated,
    /// <summary>Known but not compiled in: ignored with a log line.</summary>
    Unsupported,
    Match,
    Include,
}

public sealed record KeywordInfo(string Name, KeywordKind Kind, bool AllowedInMatch, int MinMajor = 0, int MinMinor = 0, string? AliasOf = null);

/// <summary>Every keyword OpenSSH 7.4–10.0 sshd (with Debian's patches) knows.</summary>
public static class ConfigKeywords
{
    private static readonly Dictionary<string, KeywordInfo> Table = Build();

    public static KeywordInfo? Find(string keyword) =>
        Table.GetValueOrDefault(keyword) ?? Table.GetValueOrDefault(keyword.ToLowerInvariant());

    private static Dictionary<string, KeywordInfo> Build()
    {
        var d = new Dictionary<string, KeywordInfo>(StringComparer.Ordinal);
        void Add(KeywordKind kind, bool match, params string[] names)
        {
            foreach (var n in names) d[n] = new KeywordInfo(n, kind, match);
        }

        Add(KeywordKind.Flag, true, "pubkeyauthentication", "passwordauthentication", "kbdinteractiveauthentication",
            "permitemptypasswords", "x11forwarding", "x11uselocalhost", "hostbasedauthentication",
            "hostbasedusesnamefrompacketonly", "gssapiauthentication", "kerberosauthentication", "exposeauthinfo",
            "disableforwarding", "permittty", "permituserrc", "allowagentforwarding", "streamlocalbindunlink",
            "ignorerhosts", "challengeresponseauthentication");
        Add(KeywordKind.Flag, false, "strictmodes", "usepam", "printmotd", "printlastlog", "tcpkeepalive", "usedns",
            "gssapicleanupcredentials", "gssapistrictacceptorcheck", "gssapikeyexchange", "gssapistorecredentialsonrekey",
            "kerberosorlocalpasswd", "kerberosticketcleanup", "kerberosgetafstoken", "ignoreuserknownhosts",
            "compression", "debianbanner", "keepalive");
        Add(KeywordKind.Single, true, "permitrootlogin", "authorizedkeyscommand", "authorizedkeyscommanduser",
            "authorizedprincipalsfile", "authorizedprincipalscommand", "authorizedprincipalscommanduser", "banner",
            "chrootdirectory", "forcecommand", "gatewayports", "permittunnel", "pubkeyacceptedalgorithms",
            "pubkeyacceptedkeytypes", "hostbasedacceptedalgorithms", "hostbasedacceptedkeytypes", "revokedkeys",
            "trustedusercakeys", "loglevel", "rekeylimit", "allowtcpforwarding", "allowstreamlocalforwarding",
            "streamlocalbindmask", "ipqos", "pubkeyauthoptions", "channeltimeout", "unusedconnectiontimeout",
            "authenticationmethods");
        Add(KeywordKind.Integer, true, "maxauthtries", "maxsessions", "clientalivecountmax",
            "x11displayoffset", "requiredrsasize");
        // convtime(3) values: "300", "5m", "1h30m".
        Add(KeywordKind.Time, true, "clientaliveinterval");
        Add(KeywordKind.Single, false, "pidfile", "modulifile", "logingracetime", "syslogfacility", "hostkeyalgorithms",
            "ciphers", "macs", "kexalgorithms", "gssapikexalgorithms", "maxstartups",
            "persourcemaxstartups", "persourcenetblocksize", "versionaddendum", "fingerprinthash",
            "securitykeyprovider", "xauthlocation", "addressfamily", "permituserenvironment", "sshdsessionpath",
            "sshdauthpath", "persourcepenalties", "persourcepenaltyexemptlist", "hostkeyagent");
        Add(KeywordKind.FirstLine, true, "authorizedkeysfile");
        // servconf.c marks these SSHCFG_ALL: valid inside Match.
        Add(KeywordKind.Single, true, "casignaturealgorithms", "rdomain");
        Add(KeywordKind.Accumulate, true, "allowusers", "denyusers", "allowgroups", "denygroups", "acceptenv", "setenv",
            "permitopen", "permitlisten", "logverbose");
        Add(KeywordKind.Accumulate, false, "port", "listenaddress", "hostkey", "hostcertificate", "subsystem", "hostdsakey");
        Add(KeywordKind.Deprecated, true, "rsaauthentication", "rhostsrsaauthentication", "authorizedkeysfile2");
        Add(KeywordKind.Deprecated, false, "rhostsauthentication",
            "uselogin", "useprivilegeseparation", "protocol", "serverkeybits", "keyregenerationinterval",
            "checkmail", "verifyreversemapping", "reversemappingcheck", "useroaming",
            "pamauthenticationviakbdint", "skeyauthentication", "dsaauthentication");
        Add(KeywordKind.Unsupported, false, "kerberostgtpassing", "afstokenpassing");
        d["match"] = new KeywordInfo("match", KeywordKind.Match, true);
        d["include"] = new KeywordInfo("include", KeywordKind.Include, true);

        // Keywords newer than some supported versions: older sshd calls them "Bad configuration option".
        Gate(d, "requiredrsasize", 9, 1);
        Gate(d, "channeltimeout", 9, 2);
        Gate(d, "unusedconnectiontimeout", 9, 2);
        Gate(d, "pubkeyacceptedalgorithms", 8, 5);
        Gate(d, "hostbasedacceptedalgorithms", 8, 5);
        Gate(d, "sshdsessionpath", 9, 8);
        Gate(d, "persourcepenalties", 9, 8);
        Gate(d, "persourcepenaltyexemptlist", 9, 8);
        Gate(d, "sshdauthpath", 10, 0);
        Gate(d, "modulifile", 8, 2);
        Gate(d, "securitykeyprovider", 8, 2);
        Gate(d, "include", 8, 2);
        Gate(d, "kbdinteractiveauthentication", 7, 4);
        d["pubkeyacceptedkeytypes"] = d["pubkeyacceptedkeytypes"] with { AliasOf = "pubkeyacceptedalgorithms" };
        d["hostbasedacceptedkeytypes"] = d["hostbasedacceptedkeytypes"] with { AliasOf = "hostbasedacceptedalgorithms" };
        d["challengeresponseauthentication"] = d["challengeresponseauthentication"] with { AliasOf = "kbdinteractiveauthentication" };
        d["keepalive"] = d["keepalive"] with { AliasOf = "tcpkeepalive" };
        d["hostdsakey"] = d["hostdsakey"] with { AliasOf = "hostkey" };
        return d;
    }

    private static void Gate(Dictionary<string, KeywordInfo> d, string name, int major, int minor) =>
        d[name] = d[name] with { MinMajor = major, MinMinor = minor };
}

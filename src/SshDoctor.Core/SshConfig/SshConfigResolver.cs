using SshDoctor.Core.Sshd;

namespace SshDoctor.Core.SshConfig;

/// <summary>
/// Resolves one host through ssh_config as OpenSSH's client does (readconf.c, ssh.c): the command line
/// first, then ~/.ssh/config, then the system file (or only -F FILE); for each keyword the first value
/// wins (IdentityFile and CertificateFile accumulate); Host and Match decide which lines apply; Include
/// reads files in place (relative to ~/.ssh or /etc/ssh). A `Match final`/`canonical` makes a second pass
/// with the lower-cased HostName, as ssh does. `Match exec` is never run: it is reported and counts as false.
/// </summary>
public sealed class SshConfigResolver
{
    public const int MaxIncludeDepth = 16;
    private const int MaxLinesPerFile = 100_000;
    private const int MaxIdentityFiles = 100;

    private static readonly string[] DefaultIdentityNames =
        ["~/.ssh/id_rsa", "~/.ssh/id_ecdsa", "~/.ssh/id_ecdsa_sk", "~/.ssh/id_ed25519", "~/.ssh/id_ed25519_sk", "~/.ssh/id_xmss", "~/.ssh/id_dsa"];

    private readonly SshConfigRequest _r;
    private readonly Dictionary<string, IReadOnlyList<string>> _first = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _identity = [];
    private readonly List<string> _certificates = [];
    private readonly List<string> _files = [];
    private readonly List<SshConfigNote> _notes = [];
    private bool _finalPass, _wantFinal;
    private string _host;

    private SshConfigResolver(SshConfigRequest r)
    {
        _r = r;
        _host = r.Host;
    }

    public static ResolvedSshConfig Resolve(SshConfigRequest request)
    {
        var s = new SshConfigResolver(request);
        return s.Run();
    }

    private ResolvedSshConfig Run()
    {
        foreach (var f in _r.IdentityFiles) _identity.Add(f);
        if (_r.User is { } u) _first["user"] = [u];
        if (_r.Port is { } p) _first["port"] = [p.ToString(System.Globalization.CultureInfo.InvariantCulture)];

        ReadAll();
        var hostName = Get("hostname") is { } hn ? hn.Replace("%h", _r.Host, StringComparison.Ordinal).Replace("%%", "%", StringComparison.Ordinal) : _host;
        _host = hostName.ToLowerInvariant();
        if (_wantFinal || Get("canonicalizehostname") is "yes" or "always")
        {
            _finalPass = true;
            _first["hostname"] = [_host];
            ReadAll();
        }

        var user = Get("user") ?? _r.LocalUser;
        var port = int.TryParse(Get("port"), out var pp) && pp is > 0 and <= 65535 ? pp : 22;
        var alias = Get("hostkeyalias");
        var tokens = new SshTokens(_r.Home, _r.LocalUser, _r.Uid, _r.LocalHost, _host, _r.Host, user, port, alias ?? _r.Host);
        var defaults = _identity.Count == 0;
        IReadOnlyList<string> identity = defaults ? DefaultIdentityNames : _identity;
        var userKnown = _first.TryGetValue("userknownhostsfile", out var ukh) ? ukh : ["~/.ssh/known_hosts", "~/.ssh/known_hosts2"];
        var globalKnown = _first.TryGetValue("globalknownhostsfile", out var gkh) ? gkh : ["/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"];
        var agent = Get("identityagent");
        if (agent is not null && agent != "none" && agent != "SSH_AUTH_SOCK")
            agent = agent.StartsWith('$') ? Environment.GetEnvironmentVariable(agent[1..]) : tokens.Expand(agent);

        return new ResolvedSshConfig
        {
            Host = _r.Host,
            HostName = _host,
            User = user,
            UserSet = Get("user") is not null,
            Port = port,
            IdentityFiles = identity,
            IdentityPaths = ExpandAll(identity, tokens),
            DefaultIdentities = defaults,
            CertificateFiles = _certificates,
            CertificatePaths = ExpandAll(_certificates, tokens),
            IdentitiesOnly = Get("identitiesonly") is "yes" or "true",
            IdentityAgent = agent,
            UserKnownHostsFiles = ExpandAll(userKnown, tokens),
            GlobalKnownHostsFiles = ExpandAll(globalKnown, tokens),
            HostKeyAlgorithms = ClientAlgorithmLists.Apply(Get("hostkeyalgorithms"), ClientAlgorithmLists.DefaultKeyAlgorithms),
            PubkeyAcceptedAlgorithms = ClientAlgorithmLists.Apply(Get("pubkeyacceptedalgorithms") ?? Get("pubkeyacceptedkeytypes"),
                ClientAlgorithmLists.DefaultKeyAlgorithms),
            ProxyJump = Get("proxyjump") is { } pj && pj != "none" ? pj : null,
            ProxyCommand = _first.TryGetValue("proxycommand", out var pc) && pc.Count > 0 && pc[0] != "none" ? string.Join(' ', pc) : null,
            HostKeyAlias = alias,
            FilesRead = _files.Distinct().ToList(),
            Notes = _notes,
        };
    }

    private static List<string> ExpandAll(IEnumerable<string> list, SshTokens tokens) =>
        list.Select(f => tokens.Expand(f) ?? f).ToList();

    private string? Get(string keyword) => _first.TryGetValue(keyword, out var v) && v.Count > 0 ? v[0] : null;

    private void ReadAll()
    {
        if (_r.ConfigFile is { } f)
        {
            if (f != "none") ReadFile(f, userConfig: true, depth: 0, neverMatch: false, mustExist: true);
            return;
        }
        ReadFile(_r.UserConfig ?? SshConfigPaths.UserConfig(_r.Home), userConfig: true, depth: 0, neverMatch: false, mustExist: false);
        if (_r.SystemConfig is { } sys) ReadFile(sys, userConfig: false, depth: 0, neverMatch: false, mustExist: false);
    }

    private void ReadFile(string path, bool userConfig, int depth, bool neverMatch, bool mustExist)
    {
        string[] lines;
        try
        {
            if (!File.Exists(path))
            {
                if (mustExist) throw new SshConfigException($"{path}: no such file");
                return;
            }
            lines = File.ReadLines(path).Take(MaxLinesPerFile + 1).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (mustExist) throw new SshConfigException($"{path}: {e.Message}");
            _notes.Add(new SshConfigNote("unreadable", path, 0, e.Message));
            return;
        }
        if (!_finalPass) _files.Add(path);
        var active = true;
        for (var n = 0; n < lines.Length && n < MaxLinesPerFile; n++)
        {
            var line = SshConfigLine.Parse(lines[n], path, n + 1);
            if (line is null) continue;
            switch (line.Keyword.ToLowerInvariant())
            {
                case "host":
                    active = !neverMatch && HostMatches(line.Args);
                    break;
                case "match":
                    active = MatchLine(line) && !neverMatch;
                    break;
                case "include":
                    foreach (var arg in line.Args)
                        Include(arg, line, userConfig, depth, neverMatch || !active);
                    break;
                default:
                    if (active) Set(line);
                    break;
            }
        }
    }

    private void Include(string arg, SshConfigLine line, bool userConfig, int depth, bool neverMatch)
    {
        if (depth + 1 > MaxIncludeDepth)
        {
            AddNote("include_depth", line, arg);
            return;
        }
        var pattern = arg.StartsWith("~/", StringComparison.Ordinal) ? _r.Home + arg[1..]
            : Path.IsPathRooted(arg) ? arg
            : Path.Combine(userConfig ? Path.Combine(_r.Home, ".ssh") : _r.SystemDir, arg);
        foreach (var file in Glob(pattern))
            ReadFile(file, userConfig, depth + 1, neverMatch, mustExist: false);
    }

    /// <summary>glob(3) for the forms ssh_config uses: wildcards in the last components, results sorted.</summary>
    internal static IEnumerable<string> Glob(string pattern)
    {
        if (!pattern.Contains('*') && !pattern.Contains('?')) return [pattern];
        var parts = pattern.Split('/');
        IEnumerable<string> current = [parts[0].Length == 0 ? "/" : parts[0]];
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0) continue;
            var last = i == parts.Length - 1;
            if (!part.Contains('*') && !part.Contains('?'))
            {
                current = current.Select(c => Path.Combine(c, part));
                continue;
            }
            current = current.SelectMany(dir =>
            {
                try
                {
                    if (!Directory.Exists(dir)) return [];
                    return Directory.EnumerateFileSystemEntries(dir)
                        .Where(e => Patterns.Match(Path.GetFileName(e), part) && (part.StartsWith('.') || !Path.GetFileName(e).StartsWith('.')))
                        .Where(e => last || Directory.Exists(e))
                        .Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
            }).ToList();
        }
        return current.Order(StringComparer.Ordinal).ToList();
    }

    private bool HostMatches(IReadOnlyList<string> patterns)
    {
        var matched = false;
        foreach (var raw in patterns)
        {
            var negated = raw.StartsWith('!');
            var p = negated ? raw[1..] : raw;
            if (!Patterns.Match(_host, p)) continue;
            if (negated) return false;
            matched = true;
        }
        return matched;
    }

    private bool MatchLine(SshConfigLine line)
    {
        var args = line.Args;
        var result = true;
        var hostForMatch = _finalPass ? _host
            : Get("hostname") is { } hn ? hn.Replace("%h", _r.Host, StringComparison.Ordinal) : _r.Host;
        var user = Get("user") ?? _r.LocalUser;
        for (var i = 0; i < args.Count; i++)
        {
            var attr = args[i];
            var negate = attr.StartsWith('!');
            if (negate) attr = attr[1..];
            var name = attr.ToLowerInvariant();
            bool r;
            switch (name)
            {
                case "all":
                    r = true;
                    break;
                case "canonical":
                case "final":
                    if (name == "final" && !_finalPass) _wantFinal = true;
                    r = _finalPass;
                    break;
                default:
                    if (i + 1 >= args.Count)
                    {
                        AddNote("match_missing_argument", line, attr);
                        return false;
                    }
                    var value = args[++i];
                    switch (name)
                    {
                        case "host": r = Patterns.MatchList(hostForMatch, value, lowerCase: true) == 1; break;
                        case "originalhost": r = Patterns.MatchList(_r.Host, value, lowerCase: true) == 1; break;
                        case "user": r = Patterns.MatchList(user, value, lowerCase: false) == 1; break;
                        case "localuser": r = Patterns.MatchList(_r.LocalUser, value, lowerCase: false) == 1; break;
                        case "exec":
                            // Never run: a command from a config file is not sshdoctor's to execute.
                            if (result && !_finalPass) AddNote("match_exec_not_run", line, value);
                            r = false;
                            break;
                        default:
                            AddNote("match_unknown", line, attr);
                            return false;
                    }
                    break;
            }
            if (negate) r = !r;
            if (!r) result = false;
        }
        return result;
    }

    private void Set(SshConfigLine line)
    {
        var key = line.Keyword.ToLowerInvariant();
        switch (key)
        {
            case "identityfile":
                if (line.Args.Count > 0 && _identity.Count < MaxIdentityFiles && !_identity.Contains(line.Args[0])) _identity.Add(line.Args[0]);
                return;
            case "certificatefile":
                if (line.Args.Count > 0 && _certificates.Count < MaxIdentityFiles && !_certificates.Contains(line.Args[0])) _certificates.Add(line.Args[0]);
                return;
        }
        if (line.Args.Count == 0) return;
        _first.TryAdd(key, line.Args);
    }

    private void AddNote(string code, SshConfigLine line, string detail)
    {
        if (_notes.Count < 64 && !_notes.Any(n => n.Code == code && n.File == line.File && n.Line == line.Number))
            _notes.Add(new SshConfigNote(code, line.File, line.Number, detail));
    }
}

/// <summary>-F names a file that cannot be read: ssh stops there too.</summary>
public sealed class SshConfigException(string message) : Exception(message);

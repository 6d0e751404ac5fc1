using SshDoctor.Core.Target;

namespace SshDoctor.Core.Sshd;

/// <summary>
/// Reads sshd_config from a target: Include in place (globs sorted lexically, relative to /etc/ssh),
/// Match blocks recorded with their criteria, and the errors that would stop sshd from starting.
/// </summary>
public sealed class ConfigParser
{
    /// <summary>servconf.c's SERVCONF_MAX_DEPTH: a file nested deeper stops sshd ("Too many recursive configuration includes").</summary>
    private const int MaxIncludeDepth = 16;

    /// <summary>
    /// sshd has no total bound, but a file that includes itself twice at each of 16 levels is read 2^16 times:
    /// sshdoctor stops reading after this many files or bytes (a real configuration reads a few dozen).
    /// </summary>
    public const int MaxFilesRead = 4096;
    public const long MaxBytesRead = 64L * 1024 * 1024;

    private int _filesRead;
    private long _bytesRead;
    private bool _stopped;
    private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);
    public const string DefaultPath = "/etc/ssh/sshd_config";

    private readonly TargetRoot _root;
    private readonly OpenSshVersion _version;
    private readonly List<ConfigEntry> _entries = new();
    private readonly List<MatchBlock> _blocks = new();
    private readonly List<ConfigError> _errors = new();
    private readonly List<string> _files = new();
    /// <summary>Blocks whose Match line sshd rejects: it never starts, so their directives apply to nobody.</summary>
    private readonly HashSet<int> _brokenBlocks = new();

    /// <summary>SSHDIR of the build: where a relative Include points.</summary>
    private readonly string _sshDir;

    private ConfigParser(TargetRoot root, OpenSshVersion version, string sshDir = SshdSysconfDir.Default)
    {
        _root = root;
        _version = version;
        _sshDir = sshDir.TrimEnd('/');
    }

    public static SshdConfig Parse(TargetRoot root, OpenSshVersion version, string path = DefaultPath, ServiceOptions? service = null,
        string sshDir = SshdSysconfDir.Default)
    {
        var parser = new ConfigParser(root, version, sshDir);
        // sshd applies -o options before it reads the file: first value wins, so they take precedence.
        foreach (var option in service?.Options ?? [])
            parser.ParseFile(option.Source.File, option.Line, -1, 0, option.Source.Line, commandLine: true);
        var text = root.ReadText(path);
        if (text is null)
            parser._errors.Add(new ConfigError(new ConfigSource(path, 0), "cannot read the file"));
        else
            parser.ParseFile(path, text, -1, 0);
        return new SshdConfig
        {
            Entries = parser._entries,
            Blocks = parser._blocks,
            Errors = parser._errors,
            Files = parser._files,
            MainFile = path,
        };
    }

    /// <summary>Parses text directly (tests).</summary>
    public static SshdConfig ParseText(string text, OpenSshVersion version, TargetRoot? root = null)
    {
        var parser = new ConfigParser(root ?? new TargetRoot("/nonexistent-sshdoctor-root"), version);
        parser.ParseFile(DefaultPath, text, -1, 0);
        return new SshdConfig { Entries = parser._entries, Blocks = parser._blocks, Errors = parser._errors, Files = parser._files, MainFile = DefaultPath };
    }

    private void ParseFile(string path, string text, int enclosingBlock, int depth, int firstLine = 1, bool commandLine = false)
    {
        if (!commandLine) _files.Add(path);
        var block = enclosingBlock;
        var lines = text.Split('\n');
        _filesRead++;
        _bytesRead += text.Length;
        for (var n = 0; n < lines.Length && !_stopped; n++)
        {
            var source = new ConfigSource(path, n + firstLine);
            if (!ConfigTokenizer.TryTokenize(lines[n].TrimEnd('\r'), out var keyword, out var args, out var tokenError, _version.AtLeast(8, 7)))
                continue;
            if (tokenError is not null)
            {
                _errors.Add(new ConfigError(source, tokenError));
                continue;
            }
            var info = ConfigKeywords.Find(keyword);
            if (info is null || !_version.AtLeast(info.MinMajor, info.MinMinor))
            {
                _errors.Add(new ConfigError(source, $"Bad configuration option: {keyword}"));
                continue;
            }
            if (info.Kind == KeywordKind.Match)
            {
                block = ParseMatch(args, source, enclosingBlock);
                continue;
            }
            var entryBlock = block;
            if (block != -1 && !info.AllowedInMatch)
            {
                // At startup sshd has no connection: only "Match all" is active then. A global-only directive
                // in an active block is simply applied as a global value; in any other block sshd refuses to start.
                if (!ActiveAtStartup(block))
                {
                    _errors.Add(new ConfigError(source, $"Directive '{keyword}' is not allowed within a Match block"));
                    continue;
                }
                entryBlock = -1;
            }
            if (info.Kind is KeywordKind.Deprecated or KeywordKind.Unsupported) continue;
            if (Broken(block)) continue;
            if (args.Count == 0)
            {
                _errors.Add(new ConfigError(source, $"{keyword}: missing argument"));
                continue;
            }
            if (info.Kind == KeywordKind.Include)
            {
                if (depth >= MaxIncludeDepth)
                {
                    // sshd's fatal(): it reads nothing more.
                    _errors.Add(new ConfigError(source, "Too many recursive configuration includes"));
                    _stopped = true;
                }
                else
                    foreach (var pattern in args) Include(pattern, block, depth, source);
                continue;
            }
            if (Validate(info, keyword, args, _version) is { } problem)
            {
                _errors.Add(new ConfigError(source, problem));
                continue;
            }
            _entries.Add(new ConfigEntry(info.AliasOf ?? info.Name, args, source, entryBlock));
        }
    }

    private bool ActiveAtStartup(int block)
    {
        for (var b = block; b != -1; b = _blocks[b].Parent)
            if (_blocks[b].Criteria.Count != 1 || _blocks[b].Criteria[0].Attribute != "all") return false;
        return true;
    }

    private bool Broken(int block)
    {
        for (var b = block; b != -1; b = _blocks[b].Parent)
            if (_brokenBlocks.Contains(b)) return true;
        return false;
    }

    private int ParseMatch(List<string> args, ConfigSource source, int parent)
    {
        var errorsBefore = _errors.Count;
        var criteria = new List<MatchCriterion>();
        for (var i = 0; i < args.Count; i++)
        {
            var attr = args[i].ToLowerInvariant();
            if (attr == "all")
            {
                if (args.Count != 1 || criteria.Count > 0)
                    _errors.Add(new ConfigError(source, "'all' cannot be combined with other Match attributes"));
                criteria.Add(new MatchCriterion("all", ""));
                continue;
            }
            if (attr is not ("user" or "group" or "host" or "address" or "localaddress" or "localport" or "rdomain"))
            {
                _errors.Add(new ConfigError(source, $"Unsupported Match attribute {args[i]}"));
                break;
            }
            if (i + 1 >= args.Count || args[i + 1].Length == 0)
            {
                _errors.Add(new ConfigError(source, $"Missing Match criteria for {args[i]}"));
                break;
            }
            // sshd checks address lists when it loads the file: a bad one stops it from starting.
            if ((attr is "address" or "localaddress") && Patterns.AddressMatchList(null, args[i + 1]) != 0)
                _errors.Add(new ConfigError(source, $"Invalid Match address argument '{args[i + 1]}'"));
            criteria.Add(new MatchCriterion(attr, args[++i]));
        }
        if (args.Count == 0) _errors.Add(new ConfigError(source, "Match: no criteria"));
        var index = _blocks.Count;
        if (_errors.Count > errorsBefore) _brokenBlocks.Add(index);
        _blocks.Add(new MatchBlock(index, criteria, source, parent));
        return index;
    }

    private void Include(string pattern, int block, int depth, ConfigSource source)
    {
        var full = pattern.StartsWith('/') ? pattern : _sshDir + "/" + pattern;
        foreach (var file in Glob.Expand(_root, full))
        {
            if (_stopped) return;
            if (_filesRead >= MaxFilesRead || _bytesRead >= MaxBytesRead)
            {
                _errors.Add(new ConfigError(source, $"Include: more than {MaxFilesRead} files or {MaxBytesRead / (1024 * 1024)} MiB read, sshdoctor stops reading here"));
                _stopped = true;
                return;
            }
            if (!_texts.TryGetValue(file, out var text)) _texts[file] = text = _root.ReadText(file);
            if (text is null)
            {
                _errors.Add(new ConfigError(source, $"Include: cannot read {file}"));
                continue;
            }
            ParseFile(file, text, block, depth + 1);
        }
    }

    private static string? Validate(KeywordInfo info, string keyword, List<string> args, OpenSshVersion version)
    {
        var value = args[0];
        switch (info.Kind)
        {
            case KeywordKind.Flag:
                if (!value.Equals("yes", StringComparison.OrdinalIgnoreCase) && !value.Equals("no", StringComparison.OrdinalIgnoreCase)
                    && !(info.Name == "compression" && value.Equals("delayed", StringComparison.OrdinalIgnoreCase))
                    && !(info.Name == "ignorerhosts" && version.AtLeast(8, 3) && value.Equals("shosts-only", StringComparison.OrdinalIgnoreCase)))
                    return $"{keyword}: unsupported option \"{value}\" (expected yes or no)";
                break;
            case KeywordKind.Integer:
                if (!int.TryParse(value, out _)) return $"{keyword}: invalid number \"{value}\"";
                break;
            case KeywordKind.Time:
                if (!IsConvTime(value)) return $"{keyword}: invalid time value \"{value}\"";
                break;
        }
        // One-value keywords: anything after the value is "extra arguments at end of line" (9.x) /
        // "garbage at end of line" (older), and sshd refuses the file.
        if ((info.Kind is KeywordKind.Flag or KeywordKind.Integer or KeywordKind.Time) && args.Count > 1)
            return $"{keyword}: extra arguments at end of line";
        if (info.Kind == KeywordKind.Single && args.Count > 1 && OneArgument(info.Name, version))
            return $"{keyword}: extra arguments at end of line";
        if (Choices.TryGetValue(info.Name, out var choices) && !choices.Contains(value, StringComparer.OrdinalIgnoreCase))
            return $"{keyword}: unsupported option \"{value}\"";
        if (info.Name == "permitrootlogin" && value.ToLowerInvariant() is not
                ("yes" or "no" or "prohibit-password" or "without-password" or "forced-commands-only"))
            return $"{keyword}: unsupported option \"{value}\"";
        if (info.Name == "permitrootlogin" && args.Count > 1) return $"{keyword}: extra arguments at end of line";
        if (info.Name is "pubkeyacceptedalgorithms" or "pubkeyacceptedkeytypes" && !Algorithms.NamesValid(value, version))
            return $"{keyword}: Bad key types '{value}'";
        // match_user in test mode: a "user@host" entry with a bad address list stops sshd.
        if (info.Name is "allowusers" or "denyusers")
            foreach (var pattern in args)
                if (pattern.IndexOf('@') is var at and >= 0 && Patterns.HostAndIp(null, null, pattern[(at + 1)..]) < 0)
                    return $"{keyword}: invalid pattern \"{pattern}\"";
        return null;
    }

    /// <summary>
    /// Keywords that take exactly one argument (servconf.c: anything left is "extra arguments at end of line",
    /// "garbage at end of line" before 9.0). RevokedKeys takes several files only from 10.3.
    /// </summary>
    private static bool OneArgument(string name, OpenSshVersion version) => name switch
    {
        "revokedkeys" => !version.AtLeast(10, 3),
        "loglevel" or "syslogfacility" or "authorizedprincipalsfile" or "authorizedkeyscommanduser" or "authorizedprincipalscommanduser"
            or "chrootdirectory" or "gatewayports" or "permittunnel" or "pubkeyacceptedalgorithms" or "pubkeyacceptedkeytypes"
            or "hostbasedacceptedalgorithms" or "hostbasedacceptedkeytypes" or "allowtcpforwarding" or "allowstreamlocalforwarding"
            or "streamlocalbindmask" or "casignaturealgorithms" or "pidfile" or "logingracetime" or "hostkeyalgorithms" or "ciphers"
            or "macs" or "kexalgorithms" or "fingerprinthash" or "addressfamily" or "banner" => true,
        _ => false,
    };

    /// <summary>Keywords whose value is one of a fixed set (log_level_number, log_facility_number, multistate tables).</summary>
    private static readonly Dictionary<string, string[]> Choices = new(StringComparer.Ordinal)
    {
        ["loglevel"] = ["QUIET", "FATAL", "ERROR", "INFO", "VERBOSE", "DEBUG", "DEBUG1", "DEBUG2", "DEBUG3"],
        ["syslogfacility"] = ["DAEMON", "USER", "AUTH", "AUTHPRIV", "LOCAL0", "LOCAL1", "LOCAL2", "LOCAL3", "LOCAL4", "LOCAL5", "LOCAL6", "LOCAL7"],
        ["gatewayports"] = ["yes", "no", "clientspecified"],
        ["allowtcpforwarding"] = ["yes", "no", "all", "local", "remote"],
        ["allowstreamlocalforwarding"] = ["yes", "no", "all", "local", "remote"],
        ["addressfamily"] = ["any", "inet", "inet6"],
        ["permittunnel"] = ["yes", "no", "point-to-point", "ethernet"],
    };

    /// <summary>convtime(3): one or more "number[smhdwSMHDW]" groups.</summary>
    private static bool IsConvTime(string value)
    {
        if (value.Length == 0) return false;
        var i = 0;
        while (i < value.Length)
        {
            var start = i;
            while (i < value.Length && char.IsAsciiDigit(value[i])) i++;
            if (i == start) return false;
            if (i < value.Length)
            {
                if ("sSmMhHdDwW".IndexOf(value[i]) < 0) return false;
                i++;
            }
        }
        return true;
    }
}

using SshDoctor.Core.Target;

namespace SshDoctor.Core.Sshd;

/// <summary>One `-o Key=Value` sshd is started with, as a config line, and where it was written.</summary>
public sealed record CommandLineOption(string Line, ConfigSource Source);

/// <summary>
/// What the service manager starts sshd with: the systemd unit (ssh.service or sshd.service) and its drop-ins,
/// ExecStart's `-o` and `-f`, with $VARS from EnvironmentFile (Debian's /etc/default/ssh SSHD_OPTS, Red Hat's
/// /etc/sysconfig/sshd OPTIONS). sshd reads `-o` before its config file, so these values win.
/// </summary>
public sealed record ServiceOptions(IReadOnlyList<CommandLineOption> Options, string? ConfigFile)
{
    public static readonly ServiceOptions None = new([], null);

    private static readonly string[] UnitDirs = ["/etc/systemd/system", "/run/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system"];

    public static ServiceOptions Read(TargetRoot root, OsRelease os)
    {
        foreach (var unit in new[] { "ssh.service", "sshd.service" })
        {
            var file = UnitDirs.Select(d => d + "/" + unit).FirstOrDefault(p => root.Stat(p).Kind == FileKind.Regular);
            if (file is null) continue;
            var parts = new List<string> { file };
            // Drop-ins: by file name across directories; the same name in an earlier directory overrides.
            var dropIns = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var dir in UnitDirs.Reverse())
                foreach (var conf in Glob.Expand(root, dir + "/" + unit + ".d/*.conf"))
                    dropIns[conf[(conf.LastIndexOf('/') + 1)..]] = conf;
            parts.AddRange(dropIns.Values);
            return FromUnit(root, parts);
        }
        // No unit in the tree: the distribution's own environment file, as its unit would read it.
        return os.IsDebianFamily ? FromEnvironment(root, "/etc/default/ssh", "SSHD_OPTS")
            : FromEnvironment(root, "/etc/sysconfig/sshd", "OPTIONS");
    }

    private static ServiceOptions FromUnit(TargetRoot root, List<string> files)
    {
        (string Value, ConfigSource Source)? exec = null;
        var env = new Dictionary<string, (string Value, ConfigSource Source)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var lines = (root.ReadText(file, 1024 * 1024) ?? "").Split('\n');
            for (var n = 0; n < lines.Length; n++)
            {
                var line = lines[n].Trim();
                var eq = line.IndexOf('=');
                if (eq <= 0 || line.StartsWith('#') || line.StartsWith(';')) continue;
                var key = line[..eq].Trim();
                var value = line[(eq + 1)..].Trim();
                var source = new ConfigSource(file, n + 1);
                switch (key)
                {
                    case "ExecStart":
                        // An empty ExecStart= clears the list; a drop-in then sets its own.
                        exec = value.Length == 0 ? null : (value, source);
                        break;
                    case "EnvironmentFile":
                        foreach (var (k, v) in ReadEnvironment(root, value.TrimStart('-'))) env[k] = v;
                        break;
                    case "Environment":
                        foreach (var word in Words(value))
                            if (word.IndexOf('=') is var e and > 0) env[word[..e]] = (word[(e + 1)..], source);
                        break;
                }
            }
        }
        if (exec is not { } start) return None;
        var argv = new List<(string Word, ConfigSource Source)>();
        foreach (var word in Words(start.Value.TrimStart('-', '@', '+', '!', ':')))
        {
            var name = word.StartsWith("${") && word.EndsWith('}') ? word[2..^1] : word.StartsWith('$') ? word[1..] : null;
            // systemd expands %-specifiers in ExecStart: "%%" is how a unit passes sshd a literal "%".
            if (name is null) argv.Add((word.Replace("%%", "%"), start.Source));
            else if (env.TryGetValue(name, out var v)) argv.AddRange(Words(v.Value).Select(w => (w, v.Source)));
        }
        return FromArgv(argv);
    }

    private static ServiceOptions FromEnvironment(TargetRoot root, string path, string variable)
    {
        var env = ReadEnvironment(root, path);
        return env.TryGetValue(variable, out var v) ? FromArgv(Words(v.Value).Select(w => (w, v.Source)).ToList()) : None;
    }

    /// <summary>sshd's getopt: `-o opt`, `-oopt`, `-f file`; anything else is not configuration.</summary>
    private static ServiceOptions FromArgv(List<(string Word, ConfigSource Source)> argv)
    {
        var options = new List<CommandLineOption>();
        string? configFile = null;
        for (var i = 0; i < argv.Count; i++)
        {
            var (word, source) = argv[i];
            string? value = null;
            if (word is "-o" or "-f") { if (i + 1 < argv.Count) value = argv[++i].Word; }
            else if (word.StartsWith("-o", StringComparison.Ordinal) || word.StartsWith("-f", StringComparison.Ordinal)) value = word[2..];
            if (value is null) continue;
            if (word.StartsWith("-f", StringComparison.Ordinal)) configFile = value;
            else
            {
                // "Key=Value" as sshd_config's own "Key Value" (the tokenizer accepts '=' too).
                var eq = value.IndexOf('=');
                var space = value.IndexOfAny([' ', '\t']);
                var line = eq > 0 && (space < 0 || eq < space) ? value[..eq] + " " + value[(eq + 1)..] : value;
                options.Add(new CommandLineOption(line, source));
            }
        }
        return new ServiceOptions(options, configFile);
    }

    private static Dictionary<string, (string Value, ConfigSource Source)> ReadEnvironment(TargetRoot root, string path)
    {
        var env = new Dictionary<string, (string, ConfigSource)>(StringComparer.Ordinal);
        var lines = (root.ReadText(path, 1024 * 1024) ?? "").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var eq = line.IndexOf('=');
            if (eq <= 0 || line.StartsWith('#')) continue;
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0]) value = value[1..^1];
            env[line[..eq].Trim()] = (value, new ConfigSource(path, n + 1));
        }
        return env;
    }

    /// <summary>Whitespace-separated words; double or single quotes group (systemd's and the shell's simple form).</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        char quote = '\0';
        var any = false;
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else current.Append(c);
                continue;
            }
            if (c is '"' or '\'') { quote = c; any = true; continue; }
            if (char.IsWhiteSpace(c))
            {
                if (any || current.Length > 0) words.Add(current.ToString());
                current.Clear();
                any = false;
                continue;
            }
            current.Append(c);
        }
        if (any || current.Length > 0) words.Add(current.ToString());
        return words;
    }
}

namespace SshDoctor.Core.Sshd;

/// <summary>Where an effective sshd value came from.</summary>
public enum OriginKind
{
    /// <summary>Compiled into the target's sshd (nothing set it).</summary>
    Default,
    /// <summary>A line of the main sshd_config.</summary>
    ConfigFile,
    /// <summary>A line of a file the config includes (sshd_config.d/*.conf).</summary>
    DropIn,
    /// <summary>Red Hat's crypto-policies back-end (/etc/crypto-policies/back-ends/opensshserver.config), included from 50-redhat.conf.</summary>
    CryptoPolicy,
    /// <summary>`-o` in the systemd unit's ExecStart (or a drop-in of it).</summary>
    ServiceUnit,
    /// <summary>`-o` in Debian's /etc/default/ssh SSHD_OPTS.</summary>
    DefaultSshOpts,
    /// <summary>`-o` in Red Hat's /etc/sysconfig/sshd OPTIONS.</summary>
    SysconfigOptions,
}

/// <summary>
/// The origin of one value: its kind, file and line, and the Match block it sits in (criteria and where the block
/// starts), when it does.
/// </summary>
public sealed record ValueOrigin(OriginKind Kind, string? File, int Line, string? Match = null, string? MatchSource = null)
{
    public static readonly ValueOrigin Default = new(OriginKind.Default, null, 0);

    public static ValueOrigin Of(ConfigEntry? entry, SshdConfig config)
    {
        if (entry is null) return Default;
        var file = entry.Source.File;
        var kind = KindOf(file, config.MainFile);
        if (entry.Block < 0 || entry.Block >= config.Blocks.Count) return new ValueOrigin(kind, file, entry.Source.Line);
        var block = config.Blocks[entry.Block];
        return new ValueOrigin(kind, file, entry.Source.Line,
            string.Join(' ', block.Criteria.Select(c => $"{c.Attribute} {c.Value}")), block.Source.ToString());
    }

    public static ValueOrigin Of(ConfigSource? source, SshdConfig config) =>
        source is not { } s ? Default : Of(config.Entries.FirstOrDefault(e => e.Source == s) ?? new ConfigEntry("", [], s, -1), config);

    /// <summary>By the file the line is in: a command-line option carries the unit's or environment file's line.</summary>
    private static OriginKind KindOf(string file, string mainFile)
    {
        if (file == mainFile) return OriginKind.ConfigFile;
        if (file == "/etc/default/ssh") return OriginKind.DefaultSshOpts;
        if (file == "/etc/sysconfig/sshd") return OriginKind.SysconfigOptions;
        if (file.Contains("/systemd/", StringComparison.Ordinal) && (file.EndsWith(".service", StringComparison.Ordinal) || file.EndsWith(".conf", StringComparison.Ordinal)))
            return OriginKind.ServiceUnit;
        if (file.StartsWith("/etc/crypto-policies/", StringComparison.Ordinal) || file.StartsWith("/usr/share/crypto-policies/", StringComparison.Ordinal))
            return OriginKind.CryptoPolicy;
        return OriginKind.DropIn;
    }

    /// <summary>"file:line" (or "default").</summary>
    public override string ToString() => File is null ? "default" : $"{File}:{Line}";
}

namespace SshDoctor.Core.Sshd;

/// <summary>Where a directive came from, as "file:line".</summary>
public readonly record struct ConfigSource(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>One directive line. <see cref="Block"/> is the Match block it sits in (-1: global).</summary>
public sealed record ConfigEntry(string Keyword, IReadOnlyList<string> Args, ConfigSource Source, int Block);

public sealed record MatchCriterion(string Attribute, string Value);

/// <summary>A Match block; <see cref="Parent"/> is the block of the Include that pulled it in (-1: none).</summary>
public sealed record MatchBlock(int Index, IReadOnlyList<MatchCriterion> Criteria, ConfigSource Source, int Parent);

public sealed record ConfigError(ConfigSource Source, string Problem);

/// <summary>sshd_config with its Includes flattened in sshd's order.</summary>
public sealed class SshdConfig
{
    public required IReadOnlyList<ConfigEntry> Entries { get; init; }
    public required IReadOnlyList<MatchBlock> Blocks { get; init; }
    public required IReadOnlyList<ConfigError> Errors { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public required string MainFile { get; init; }

    /// <summary>Cache of the settings outside Match blocks (see EffectiveConfig).</summary>
    internal EffectiveConfig? GlobalLayer { get; set; }

    /// <summary>The effective settings already built, by Match outcome (see EffectiveConfig.For).</summary>
    internal Dictionary<string, EffectiveConfig> ByOutcome { get; } = new(StringComparer.Ordinal);
}

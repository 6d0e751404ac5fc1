namespace SshDoctor.Core.Sshd;

/// <summary>An effective value and where it came from (null source: the compiled-in default).</summary>
public sealed record Setting<T>(T Value, ConfigSource? Source)
{
    public string Where => Source?.ToString() ?? "default";
}

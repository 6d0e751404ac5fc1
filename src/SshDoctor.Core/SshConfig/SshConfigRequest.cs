namespace SshDoctor.Core.SshConfig;

/// <summary>
/// What ssh knows before it reads any file: the host argument, the command line's user, port and -i
/// files (they come first, so they win), -F, and the local account.
/// </summary>
public sealed record SshConfigRequest(string Host)
{
    public string? User { get; init; }
    public int? Port { get; init; }
    public IReadOnlyList<string> IdentityFiles { get; init; } = [];
    /// <summary>-F FILE; "none" reads no file at all.</summary>
    public string? ConfigFile { get; init; }
    public string Home { get; init; } = SshConfigPaths.Home();
    public string LocalUser { get; init; } = Environment.UserName;
    public string Uid { get; init; } = SshConfigPaths.Uid();
    public string LocalHost { get; init; } = System.Net.Dns.GetHostName();
    /// <summary>Null: the platform's (~/.ssh/config, %USERPROFILE%\.ssh\config).</summary>
    public string? UserConfig { get; init; }
    public string? SystemConfig { get; init; } = SshConfigPaths.SystemConfig;
    /// <summary>Where relative Include paths of the system file start (/etc/ssh).</summary>
    public string SystemDir { get; init; } = SshConfigPaths.SystemDir;
}

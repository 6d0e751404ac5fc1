namespace SshDoctor.Core.Candidate;

/// <summary>A proposed file: where it comes from on this machine, where it would sit in the target, its bytes.</summary>
public sealed record CandidateFile(string Source, string TargetPath, byte[] Content)
{
    public const string MainConfig = "/etc/ssh/sshd_config";
    public const string DropInDirectory = "/etc/ssh/sshd_config.d";

    /// <summary>
    /// Where a candidate goes when the user names no place: a file called sshd_config replaces the main config,
    /// passwd/group/shadow replace the account files, anything else is a drop-in of the same name.
    /// "FILE=/target/path" names the place.
    /// </summary>
    public static string PlaceOf(string argument, out string source)
    {
        var eq = argument.IndexOf("=/", StringComparison.Ordinal);
        if (eq > 0)
        {
            source = argument[..eq];
            return argument[(eq + 1)..];
        }
        source = argument;
        var name = Path.GetFileName(argument.TrimEnd('/'));
        return name switch
        {
            "sshd_config" => MainConfig,
            "passwd" or "group" or "shadow" => "/etc/" + name,
            _ => DropInDirectory + "/" + name,
        };
    }
}

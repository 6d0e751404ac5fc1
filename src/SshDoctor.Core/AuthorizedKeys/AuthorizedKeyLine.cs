using SshDoctor.Core.Keys;

namespace SshDoctor.Core.AuthorizedKeys;

/// <summary>
/// One line of an authorized keys file as sshd reads it. <see cref="Key"/> is set when sshd finds a key on
/// the line; <see cref="Options"/> holds the parsed options (check <see cref="KeyOptions.Error"/>).
/// </summary>
public sealed record AuthorizedKeyLine(int Number, string Text, PublicKey? Key, string? OptionText, KeyOptions Options, bool UnterminatedQuote)
{
    /// <summary>sshd would use this line for <see cref="Key"/> (options parsed, not a CA line).</summary>
    public bool Usable => Key is not null && Options.Error == OptionErrorKind.None && !Options.CertAuthority;
}

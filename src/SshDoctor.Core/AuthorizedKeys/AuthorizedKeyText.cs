using SshDoctor.Core.Keys;
using SshDoctor.Core.Text;

namespace SshDoctor.Core.AuthorizedKeys;

/// <summary>
/// What sshdoctor writes into an authorized_keys file is exactly one sshd line: no newline, carriage return, NUL
/// or other control character anywhere in it (key, options or comment). A comment carrying a newline would
/// otherwise become a second line, with any key and options its author chose.
/// </summary>
public static class AuthorizedKeyText
{
    /// <summary>The first control character in the line, shown escaped ("\n", "\x1b"), or null when the line is clean.</summary>
    public static string? ControlCharacter(string line)
    {
        foreach (var c in line)
            if (TerminalText.IsControl(c)) return TerminalText.Escape(c.ToString());
        return null;
    }

    /// <summary>The line itself, or a <see cref="KeyFormatException"/> (keys.error.comment_control) naming the character.</summary>
    public static string RequireOneLine(string line) =>
        ControlCharacter(line) is { } bad ? throw new KeyFormatException("keys.error.comment_control", ("char", bad)) : line;
}

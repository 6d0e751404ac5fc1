using System.Text;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>AuthorizedKeysFile expansion: ~ (root's, as sshd reads the config as root), %% %h %u %U, relative to home.</summary>
public static class KeyFilePaths
{
    /// <summary>The expanded path, or null with <paramref name="error"/> when sshd's percent_expand would die.</summary>
    public static string? Expand(string pattern, Account account, Accounts accounts, out string? error)
    {
        error = null;
        if (pattern.StartsWith("~/", StringComparison.Ordinal))
            pattern = (accounts.ByUid(0)?.Home ?? "/root").TrimEnd('/') + pattern[1..];
        var sb = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%')
            {
                sb.Append(pattern[i]);
                continue;
            }
            if (i + 1 >= pattern.Length)
            {
                error = "percent_expand: invalid format";
                return null;
            }
            var token = pattern[++i];
            switch (token)
            {
                case '%': sb.Append('%'); break;
                case 'h': sb.Append(account.Home); break;
                case 'u': sb.Append(account.Name); break;
                case 'U': sb.Append(account.Uid); break;
                default:
                    error = $"percent_expand: unknown key %{token}";
                    return null;
            }
        }
        var file = sb.ToString();
        return file.StartsWith('/') ? file : account.Home.TrimEnd('/') + "/" + file;
    }
}

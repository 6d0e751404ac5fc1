using System.Text;
using System.Text.RegularExpressions;
using SshDoctor.Core.Model;

namespace SshDoctor.Core.Repair;

/// <summary>
/// The cloud-init user-data document of `sshdoctor userdata`: a MIME multipart with a text/cloud-config part that
/// makes cloud-init run user scripts at every boot, and a text/x-shellscript part (the embedded
/// userdata-repair.sh, POSIX sh) that repairs the user's home, ~/.ssh and authorized_keys on the instance.
/// </summary>
public static partial class UserdataDocument
{
    public const string Boundary = "==sshdoctor-userdata-part==";
    private const string ResourceName = "SshDoctor.Core.Repair.userdata-repair.sh";
    private const string UserPlaceholder = "@@SSHDOCTOR_USER@@";
    private const string KeyPlaceholder = "@@SSHDOCTOR_KEY@@";

    /// <summary>A POSIX-portable user name as useradd accepts it (letters, digits, '.', '_', '-'; optional trailing '$').</summary>
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9._-]{0,31}\$?$")]
    private static partial Regex UserNamePattern();

    public static bool IsValidUserName(string name) => UserNamePattern().IsMatch(name);

    /// <summary>The script template as embedded in the assembly (placeholders not filled).</summary>
    public static string Template()
    {
        using var stream = typeof(UserdataDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("embedded resource " + ResourceName + " is missing");
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }


    /// <summary>The repair script for <paramref name="user"/>; <paramref name="keyLine"/> (one OpenSSH public line) is appended when missing.</summary>
    public static string Script(string user, string? keyLine)
    {
        if (!IsValidUserName(user)) throw new ArgumentException("not a valid user name: " + user, nameof(user));
        var key = keyLine is null ? "" : CleanKeyLine(keyLine);
        return Template()
            .Replace(UserPlaceholder, HostShell.Quote(user, always: true), StringComparison.Ordinal)
            .Replace(KeyPlaceholder, HostShell.Quote(key, always: true), StringComparison.Ordinal);
    }

    /// <summary>One line, no control characters (a comment can never break the line or the script).</summary>
    public static string CleanKeyLine(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var c in line.Trim())
            sb.Append(char.IsControl(c) ? ' ' : c);
        return sb.ToString();
    }

    /// <summary>The whole MIME document (LF line endings).</summary>
    public static string Build(string user, string? keyLine)
    {
        var script = Script(user, keyLine);
        var ascii = script.All(c => c < 128);
        var sb = new StringBuilder();
        sb.Append("Content-Type: multipart/mixed; boundary=\"").Append(Boundary).Append("\"\n");
        sb.Append("MIME-Version: 1.0\n\n");
        sb.Append("--").Append(Boundary).Append('\n');
        sb.Append("Content-Type: text/cloud-config; charset=\"us-ascii\"\n");
        sb.Append("MIME-Version: 1.0\n");
        sb.Append("Content-Transfer-Encoding: 7bit\n");
        sb.Append("Content-Disposition: attachment; filename=\"cloud-config.txt\"\n\n");
        sb.Append("#cloud-config\n");
        sb.Append("# run user scripts at every boot, not only the first (remove this user data once repaired)\n");
        sb.Append("cloud_final_modules: [[scripts-user, always]]\n\n");
        sb.Append("--").Append(Boundary).Append('\n');
        sb.Append("Content-Type: text/x-shellscript; charset=\"").Append(ascii ? "us-ascii" : "utf-8").Append("\"\n");
        sb.Append("MIME-Version: 1.0\n");
        sb.Append("Content-Transfer-Encoding: ").Append(ascii ? "7bit" : "8bit").Append('\n');
        sb.Append("Content-Disposition: attachment; filename=\"sshdoctor-repair.sh\"\n\n");
        sb.Append(script.TrimEnd('\n')).Append('\n');
        sb.Append("--").Append(Boundary).Append("--\n");
        return sb.ToString();
    }

    /// <summary>What `aws ec2 modify-instance-attribute --attribute userData --value file://…` takes.</summary>
    public static string ToBase64(string document) => Convert.ToBase64String(Encoding.UTF8.GetBytes(document));

    /// <summary>The text/x-shellscript part of a document built by <see cref="Build"/>.</summary>
    public static string ExtractScript(string document)
    {
        var marker = "--" + Boundary + "\n";
        foreach (var part in document.Split(marker, StringSplitOptions.None).Skip(1))
        {
            var body = part;
            var end = body.IndexOf("--" + Boundary + "--", StringComparison.Ordinal);
            if (end >= 0) body = body[..end];
            var split = body.IndexOf("\n\n", StringComparison.Ordinal);
            if (split < 0) continue;
            if (body[..split].Contains("Content-Type: text/x-shellscript", StringComparison.Ordinal))
                return body[(split + 2)..];
        }
        throw new FormatException("no text/x-shellscript part");
    }
}

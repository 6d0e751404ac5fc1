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
    private const string ArgsPlaceholder = "@@SSHDOCTOR_ARGS@@";

    /// <summary>EC2 takes at most 16 KB of user data before base64: a larger document goes gzip-compressed
    /// (cloud-init decompresses it).</summary>
    public const int Ec2UserDataLimit = 16 * 1024;

    /// <summary>A run id as the script accepts it (its backup directory's name).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex RunIdPattern();

    public static bool IsValidRunId(string id) => RunIdPattern().IsMatch(id);

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


    /// <summary>The repair script for <paramref name="user"/>; <paramref name="keyLine"/> (one OpenSSH public line) is
    /// appended when missing. <paramref name="args"/>: the script's arguments when it is started without any
    /// (`repair RUN-ID`, `undo RUN-ID SHA256`, `report RUN-ID FROM`), each shell-quoted.</summary>
    public static string Script(string user, string? keyLine, params string[] args)
    {
        if (!IsValidUserName(user)) throw new ArgumentException("not a valid user name: " + user, nameof(user));
        var key = keyLine is null ? "" : CleanKeyLine(keyLine);
        return Template()
            .Replace(UserPlaceholder, HostShell.Quote(user, always: true), StringComparison.Ordinal)
            .Replace(KeyPlaceholder, HostShell.Quote(key, always: true), StringComparison.Ordinal)
            .Replace(ArgsPlaceholder, string.Join(' ', args.Select(a => HostShell.Quote(a, always: true))), StringComparison.Ordinal);
    }

    /// <summary>The script as shipped: comment-only and blank lines left out (the shebang and shellcheck directives
    /// stay), every other line byte for byte. The script has no here-document whose text starts with '#'.</summary>
    public static string Compact(string script)
    {
        var sb = new StringBuilder(script.Length);
        var first = true;
        foreach (var line in script.Split('\n'))
        {
            var t = line.TrimStart(' ', '\t');
            var keep = first || t.Length > 0 && (t[0] != '#' || t.StartsWith("# shellcheck ", StringComparison.Ordinal));
            first = false;
            if (keep) sb.Append(line).Append('\n');
        }
        return sb.ToString();
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
    public static string Build(string user, string? keyLine, params string[] args)
    {
        var script = Compact(Script(user, keyLine, args));
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

    /// <summary>What `aws ec2 modify-instance-attribute --attribute userData --value file://…` takes: the document,
    /// gzip-compressed when it is larger than EC2's 16 KB (cloud-init recognizes the gzip magic and decompresses).</summary>
    public static string ToBase64(string document) => Convert.ToBase64String(ForEc2(document));

    /// <summary>The user-data bytes for EC2: the document itself when it fits 16 KB, else its gzip form.</summary>
    public static byte[] ForEc2(string document)
    {
        var bytes = Encoding.UTF8.GetBytes(document);
        if (bytes.Length <= Ec2UserDataLimit) return bytes;
        using var buffer = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            gz.Write(bytes);
        return buffer.ToArray();
    }

    /// <summary>The document behind EC2 user-data bytes (gunzipped when they start with the gzip magic).</summary>
    public static string FromEc2(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b) return Encoding.UTF8.GetString(bytes);
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

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

using System.Text;

namespace SshDoctor.Core.AuthorizedKeys;

/// <summary>Detects files sshd cannot read as text at all (UTF-16, as PowerShell's "&gt;" writes them).</summary>
public static class FileEncoding
{
    /// <summary>"UTF-16LE"/"UTF-16BE" with the decoded text, or null when the file is byte-oriented text.</summary>
    public static (string Name, string Text)? DetectUtf16(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return ("UTF-16LE", Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return ("UTF-16BE", Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2));
        // No BOM: mostly ASCII with every other byte zero.
        if (bytes.Length >= 8)
        {
            int zeroOdd = 0, zeroEven = 0, sample = Math.Min(bytes.Length, 512) & ~1;
            for (var i = 0; i < sample; i += 2)
            {
                if (bytes[i] == 0) zeroEven++;
                if (bytes[i + 1] == 0) zeroOdd++;
            }
            if (zeroOdd > sample / 4 && zeroEven == 0) return ("UTF-16LE", Encoding.Unicode.GetString(bytes));
            if (zeroEven > sample / 4 && zeroOdd == 0) return ("UTF-16BE", Encoding.BigEndianUnicode.GetString(bytes));
        }
        return null;
    }
}

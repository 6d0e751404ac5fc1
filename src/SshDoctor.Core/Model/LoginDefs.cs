using System.Globalization;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>The target's /etc/login.defs, for the first uid of an ordinary user.</summary>
public static class LoginDefs
{
    public const uint DefaultUidMin = 1000;

    public static uint UidMin(TargetRoot root)
    {
        var text = root.ReadText("/etc/login.defs", 1024 * 1024);
        if (text is null) return DefaultUidMin;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#')) continue;
            var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == "UID_MIN"
                && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var min) && min > 0)
                return min;
        }
        return DefaultUidMin;
    }
}

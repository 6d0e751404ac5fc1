namespace SshDoctor.Core.Target;

/// <summary>
/// The name a fleet report shows for a target: its /etc/hostname, else its machine-id, else this machine's name
/// for a live root; null when a mounted volume names itself nowhere.
/// </summary>
public static class HostName
{
    public static string? Of(TargetRoot root)
    {
        foreach (var file in new[] { "/etc/hostname", "/etc/machine-id" })
            if (FirstLine(root.ReadText(file, 4096)) is { } name) return name;
        return root.IsLive ? Environment.MachineName : null;
    }

    private static string? FirstLine(string? text)
    {
        var first = text?.Split('\n')[0].Trim();
        return !string.IsNullOrEmpty(first) && first.Length <= 253 && first.All(c => c > ' ' && c != 0x7f) ? first : null;
    }
}

using SshDoctor.Core.Keys;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>Shell commands that repair a finding, written for the target (paths and names as seen inside it).</summary>
public sealed class FixCommands(TargetContext ctx, Account account)
{
    public string Owner => $"{account.Name}:{ctx.Accounts.GroupName(account.Gid)}";

    public static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    public List<string> CreateChain(string missingDir, string file, PublicKey? key)
    {
        var commands = new List<string>();
        var home = account.Home.TrimEnd('/');
        foreach (var d in TargetRoot.DirectoriesToCreate(missingDir, file))
        {
            var inHome = TargetRoot.IsWithin(home, d);
            if (d == home && ctx.Root.Stat("/etc/skel").Kind == FileKind.Directory)
                commands.Add($"mkdir -m 700 {d} && cp -a /etc/skel/. {d}/");
            else
                commands.Add($"mkdir -m {(inHome ? "700" : "755")} {d}");
            commands.Add(inHome ? $"chown -R {Owner} {d}" : $"chown root:root {d}");
        }
        commands.AddRange(CreateFile(file, key));
        return commands;
    }

    public List<string> CreateFile(string file, PublicKey? key)
    {
        var commands = new List<string> { $"install -m 600 -o {account.Name} -g {ctx.Accounts.GroupName(account.Gid)} /dev/null {file}" };
        if (key is not null) commands.Add(AppendKey(file, key));
        return commands;
    }

    public static string AppendKey(string file, PublicKey key) => $"echo {Quote(key.OpenSshLine)} >> {file}";

    public string ChownToUser(string path) => $"chown {Owner} {path}";
    public static string RemoveWriteBits(string path) => $"chmod g-w,o-w {path}";
}

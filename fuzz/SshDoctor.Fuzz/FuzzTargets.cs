using System.Text;
using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;

namespace SshDoctor.Fuzz;

/// <summary>
/// The three fuzzed parsers, shared by the AFL++ harness and the corpus replay test. Each returns normally, or
/// throws its one expected exception type (<see cref="ExpectedException"/>); anything else is a crash.
/// </summary>
public static class FuzzTargets
{
    public static readonly string[] Names = ["sshd_config", "authorized_keys", "key"];

    /// <summary>Separates files in an sshd_config input: part 0 is /etc/ssh/sshd_config, part N sshd_config.d/N.conf.</summary>
    public const string FileSeparator = "\n#--file--\n";

    // Built on use, not in a static initializer: under afl no instrumented code may run before Fuzzer.Run maps
    // the coverage memory.
    private static OpenSshVersion Version => new(9, 2, "9.2p1", "fuzz");

    public static Type? ExpectedException(string target) => target == "key" ? typeof(KeyFormatException) : null;

    public static void Run(string target, byte[] input, string scratch)
    {
        switch (target)
        {
            case "sshd_config": ParseConfig(input, scratch); break;
            case "authorized_keys":
                foreach (var line in AuthorizedKeysParser.Parse(Encoding.UTF8.GetString(input), Version)) _ = line.ToString();
                break;
            case "key":
                try { _ = KeyFile.Parse(input); }
                catch (KeyFormatException) { }
                break;
            default: throw new ArgumentException("unknown fuzz target " + target);
        }
    }

    /// <summary>Writes the input's files into a scratch root (so Include globs and nesting are real) and parses it.
    /// Drop-ins of the previous input that this one does not have are removed (no recursive delete per input).</summary>
    private static void ParseConfig(byte[] input, string scratch)
    {
        var ssh = Path.Combine(scratch, "etc", "ssh");
        var dropIns = Path.Combine(ssh, "sshd_config.d");
        Directory.CreateDirectory(dropIns);
        var parts = Encoding.UTF8.GetString(input).Split(FileSeparator);
        File.WriteAllText(Path.Combine(ssh, "sshd_config"), parts[0]);
        for (var i = 1; i <= MaxDropIns; i++)
        {
            var file = Path.Combine(dropIns, i + ".conf");
            if (i < parts.Length) File.WriteAllText(file, parts[i]);
            else File.Delete(file);
        }
        using var root = new TargetRoot(scratch);
        var config = ConfigParser.Parse(root, Version);
        _ = config.Errors.Count + config.Entries.Count;
    }

    private const int MaxDropIns = 8;
}

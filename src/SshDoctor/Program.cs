using System.Text;
using Microsoft.Win32.SafeHandles;
using SshDoctor.Cli;
using SshDoctor.Cli.Commands;

// Copied into an Ansible library/ as sshdoctor_check, Ansible runs the binary as "AnsiballZ_sshdoctor_check ARGSFILE"
// (ansible-core names the file it copies to the host AnsiballZ_NAME).
if (args.Length == 1 && Path.GetFileName(Environment.ProcessPath ?? "").Contains(AnsibleModuleCommand.ModuleName, StringComparison.Ordinal))
    args = ["ansible-module", args[0]];

// Ansible reads the module's stdout as JSON, often through a pseudo-terminal: write to file descriptors 1 and 2
// directly, never through System.Console, whose terminal setup writes keypad-mode escapes before the JSON.
if (args.Length > 0 && args[0] == "ansible-module")
{
    using var raw = new StreamWriter(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1), new UTF8Encoding(false)) { AutoFlush = true };
    using var err = new StreamWriter(new FileStream(new SafeFileHandle(2, ownsHandle: false), FileAccess.Write, 1), new UTF8Encoding(false)) { AutoFlush = true };
    return CliApp.Run(args, raw, err);
}

return CliApp.Run(args, Console.Out, Console.Error);

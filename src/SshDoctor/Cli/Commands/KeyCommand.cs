using System.CommandLine;
using System.Text;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor key inspect|public|convert FILE` (issue 4).</summary>
internal static class KeyCommand
{
    public static Command Create(CliIo io)
    {
        var key = new Command("key", "Inspect a key file, print its OpenSSH public line, or convert it (OpenSSH, PEM, PuTTY .ppk).");
        key.Subcommands.Add(CreateInspect(io));
        key.Subcommands.Add(CreatePublic(io));
        key.Subcommands.Add(CreateConvert(io));
        return key;
    }

    private static Argument<string> FileArgument() => new("FILE") { Description = "A key file: OpenSSH, PEM (PKCS#1, SEC1, PKCS#8), PuTTY .ppk, RFC 4716 or a .pub line." };

    private static Option<string?> PassphraseFileOption() => new("--passphrase-file")
    {
        Description = "Read the passphrase from the first line of this file (never give it on the command line). Without it, a terminal prompts when needed.",
    };

    // ---- inspect ---------------------------------------------------------------------------------

    private static Command CreateInspect(CliIo io)
    {
        var common = new CommonOptions();
        var file = FileArgument();
        var passFile = PassphraseFileOption();
        var command = new Command("inspect",
            "Format, type, bits, comment, encryption, fingerprints (ssh-keygen and AWS forms) and client-side problems of a key file.\n\n" +
            "Examples:\n" +
            "  sshdoctor key inspect ~/.ssh/id_ed25519\n" +
            "  sshdoctor key inspect my-ec2-key.pem --json     # compare aws_created_sha1 / aws_imported_md5 with the EC2 console\n" +
            "  sshdoctor key inspect key.ppk --passphrase-file pass.txt\n\n" +
            "Exit codes: 0 nothing blocking, 1 the client would refuse the key (e.g. permissions), 2 not a readable key.");
        command.Arguments.Add(file);
        command.Options.Add(passFile);
        common.AddTo(command);
        command.SetAction(r =>
        {
            var m = common.MessagesFor(r);
            var json = r.GetValue(common.Json);
            var path = r.GetValue(file)!;
            var info = Load(io, m, path, r.GetValue(passFile), promptWhen: i => i.Public is null);
            var inspection = KeyInspector.Inspect(path, info);
            if (json)
                io.Out.WriteLine(KeyRender.Json(new KeyJsonDocument
                {
                    Command = "key inspect",
                    Path = path,
                    Key = KeyRender.Key(info, inspection.AwsImportedMd5, inspection.AwsCreatedSha1),
                    AwsNote = AwsNote(m, info, inspection),
                    Findings = inspection.Findings.Select(f => KeyRender.Finding(m, f)).ToList(),
                }));
            else
                WriteInspectText(TerminalWriter.Wrap(io.Out), m, inspection);
            return inspection.HasBlocking ? ExitCodes.Blocking : ExitCodes.Ok;
        });
        return command;
    }

    private static string? AwsNote(Messages m, KeyFileInfo info, KeyInspection inspection)
    {
        var type = info.Public?.Type ?? info.KeyType;
        if (type == "ssh-rsa")
            return m.Get(inspection.AwsCreatedSha1 is null && info.IsPrivate ? "keys.aws.rsa_needs_private" : "keys.aws.rsa");
        if (type == "ssh-ed25519")
            return m.Get("keys.aws.ed25519");
        return null;
    }

    private static void WriteInspectText(TextWriter o, Messages m, KeyInspection x)
    {
        var info = x.Info;
        var rows = new List<(string Label, string Value)>
        {
            (m.Get("keys.label.file"), x.Path),
            (m.Get("keys.label.format"), m.Get("keys.format." + KeyRender.FormatName(info.Format))),
        };
        var type = info.Public?.Type ?? info.KeyType;
        if (type is not null)
        {
            var bits = info.Public is { } p ? " " + m.Get("keys.label.bits_value", ("bits", p.Bits.ToString())) : "";
            rows.Add((m.Get("keys.label.type"), type + bits));
        }
        if (info.Comment.Length > 0) rows.Add((m.Get("keys.label.comment"), info.Comment));
        var enc = !info.Encrypted ? m.Get("keys.value.no")
            : m.Get("keys.value.yes") + (info.Cipher is null ? "" : $" ({info.Cipher}{(info.Kdf is null ? "" : ", " + info.Kdf)})");
        rows.Add((m.Get("keys.label.encrypted"), enc));
        if (info.Public is { } pub)
        {
            rows.Add(("SHA256", pub.Sha256Fingerprint));
            rows.Add(("MD5", pub.Md5Fingerprint));
        }
        if (x.AwsImportedMd5 is { } imported) rows.Add((m.Get("keys.label.aws_imported"), imported));
        if (x.AwsCreatedSha1 is { } created) rows.Add((m.Get("keys.label.aws_created"), created));
        var width = rows.Max(r => DisplayWidth(r.Label)) + 2;
        foreach (var (label, value) in rows)
            o.WriteLine(label + ":" + new string(' ', width - DisplayWidth(label) - 1) + value);
        if (AwsNote(m, info, x) is { } note)
        {
            o.WriteLine();
            o.WriteLine(note);
        }
        if (info.Public is { } line)
        {
            o.WriteLine();
            o.WriteLine(m.Get("keys.label.public_line"));
            o.WriteLine(line.OpenSshLine);
        }
        if (x.Findings.Count == 0) return;
        o.WriteLine();
        foreach (var f in x.Findings)
        {
            o.WriteLine($"[{m.Get("keys.severity." + KeyRender.Severity(f.Severity))}] {f.Id}: {KeyRender.Message(m, f)}");
            var fix = KeyRender.FixSummary(m, f);
            if (fix != f.Args[KeyInspector.TextArg] + ".fix") o.WriteLine("    " + fix);
            foreach (var c in f.FixCommands) o.WriteLine("      " + c);
        }
    }

    /// <summary>East Asian wide characters take two columns in a terminal.</summary>
    private static int DisplayWidth(string s)
    {
        var w = 0;
        foreach (var c in s)
            w += c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFF60' ? 2 : 1;
        return w;
    }

    // ---- public ----------------------------------------------------------------------------------

    private static Command CreatePublic(CliIo io)
    {
        var common = new CommonOptions();
        var file = FileArgument();
        var passFile = PassphraseFileOption();
        var command = new Command("public",
            "Print the OpenSSH public line of a key (for authorized_keys or an EC2 key pair import).\n\n" +
            "Examples:\n" +
            "  sshdoctor key public my-ec2-key.pem >> ~/.ssh/authorized_keys\n" +
            "  sshdoctor key public key.ppk > key.pub        # then EC2 > Key pairs > Import key pair");
        command.Arguments.Add(file);
        command.Options.Add(passFile);
        common.AddTo(command);
        command.SetAction(r =>
        {
            var m = common.MessagesFor(r);
            var path = r.GetValue(file)!;
            var info = Load(io, m, path, r.GetValue(passFile), promptWhen: i => i.Public is null);
            if (info.Public is null)
                throw new UsageException(m.Get("keys.error.needs_passphrase", ("path", path)));
            if (r.GetValue(common.Json))
                io.Out.WriteLine(KeyRender.Json(new KeyJsonDocument
                {
                    Command = "key public",
                    Path = path,
                    Key = KeyRender.Key(info, PublicKeyDer.AwsImportedMd5(info.Public), info.Private?.AwsCreatedSha1),
                }));
            else
                io.Out.WriteLine(info.Public.OpenSshLine);
            return ExitCodes.Ok;
        });
        return command;
    }

    // ---- convert ---------------------------------------------------------------------------------

    private static Command CreateConvert(CliIo io)
    {
        var common = new CommonOptions();
        var file = FileArgument();
        var passFile = PassphraseFileOption();
        var to = new Option<string>("--to") { Description = "Output format: openssh, pem or ppk.", Required = true };
        to.AcceptOnlyFromAmong("openssh", "pem", "ppk");
        var output = new Option<string?>("--output", "-o") { Description = "Write the key to this file (mode 0600). Without it, the key is printed on stdout." };
        var force = new Option<bool>("--force") { Description = "Replace OUT when it already exists." };
        var ppkVersion = new Option<int>("--ppk-version") { Description = "PuTTY key file version: 3 (PuTTY 0.75+, default) or 2 (older PuTTY, WinSCP, FileZilla).", DefaultValueFactory = _ => 3 };
        ppkVersion.AcceptOnlyFromAmong("2", "3");
        var newPassFile = new Option<string?>("--new-passphrase-file")
        {
            Description = "Protect the output with the passphrase on the first line of this file (an empty line: no passphrase). Default: the input's passphrase.",
        };
        var command = new Command("convert",
            "Convert a private key to OpenSSH, PEM or PuTTY .ppk format, keeping its passphrase unless --new-passphrase-file says otherwise.\n\n" +
            "Examples:\n" +
            "  sshdoctor key convert my-ec2-key.pem --to ppk -o my-ec2-key.ppk                  # for PuTTY / WinSCP\n" +
            "  sshdoctor key convert my-ec2-key.pem --to ppk --ppk-version 2 -o old-winscp.ppk\n" +
            "  sshdoctor key convert key.ppk --to openssh -o ~/.ssh/id_ed25519                 # for ssh, scp, git, VS Code");
        command.Arguments.Add(file);
        command.Options.Add(to);
        command.Options.Add(output);
        command.Options.Add(force);
        command.Options.Add(ppkVersion);
        command.Options.Add(passFile);
        command.Options.Add(newPassFile);
        common.AddTo(command);
        command.SetAction(r =>
        {
            var m = common.MessagesFor(r);
            var json = r.GetValue(common.Json);
            var path = r.GetValue(file)!;
            var outPath = r.GetValue(output);
            if (json && outPath is null)
                throw new UsageException(m.Get("keys.error.json_needs_output"));
            var target = r.GetValue(to) switch { "pem" => KeyTarget.Pem, "ppk" => KeyTarget.Ppk, _ => KeyTarget.OpenSsh };
            if (outPath is not null && (File.Exists(outPath) || Directory.Exists(outPath)) && !r.GetValue(force))
                throw new UsageException(m.Get("keys.error.exists", ("path", outPath)));
            var (info, inputPassphrase) = LoadWithPassphrase(io, m, path, r.GetValue(passFile), promptWhen: i => i.IsPrivate);
            var outputPassphrase = r.GetValue(newPassFile) is { } npf ? ReadPassphraseFile(m, npf) : inputPassphrase;
            var encryptOutput = !string.IsNullOrEmpty(outputPassphrase) && !(target == KeyTarget.Pem && info.Private?.Algorithm == KeyAlgorithm.Ed25519);
            if (!info.IsPrivate)
                throw new UsageException(m.Get("keys.error.public_only", ("path", path)));
            var key = info.Private ?? throw new UsageException(m.Get(info.Encrypted ? "keys.error.needs_passphrase" : "keys.error.no_private", ("path", path)));
            string text;
            try { text = KeyWriter.Write(key, target, r.GetValue(ppkVersion), encryptOutput ? outputPassphrase : null); }
            catch (KeyFormatException e) { throw new UsageException(e.Localized(m)); }
            if (outPath is null)
            {
                if (!encryptOutput && ReferenceEquals(io.Out, Console.Out) && StdoutIsTerminal())
                    throw new UsageException(m.Get("keys.error.convert_to_terminal"));
                io.Out.Write(text);
                if (info.Encrypted && !encryptOutput) io.Err.WriteLine("sshdoctor: " + m.Get("keys.convert.unencrypted"));
                return ExitCodes.Ok;
            }
            try { WritePrivateFile(outPath, text, r.GetValue(force)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException(m.Get("keys.error.write", ("path", outPath), ("detail", e.Message)));
            }
            if (json)
                io.Out.WriteLine(KeyRender.Json(new KeyJsonDocument
                {
                    Command = "key convert",
                    Path = path,
                    Key = KeyRender.Key(KeyFile.Parse(Encoding.UTF8.GetBytes(text), encryptOutput ? outputPassphrase : null), PublicKeyDer.AwsImportedMd5(key.Public), key.AwsCreatedSha1),
                    Output = outPath,
                    To = r.GetValue(to),
                }));
            else
            {
                io.Err.WriteLine(m.Get("keys.convert.written", ("path", outPath), ("format", m.Get("keys.format." + TargetFormatName(target, r.GetValue(ppkVersion))))));
                if (info.Encrypted && !encryptOutput) io.Err.WriteLine(m.Get("keys.convert.unencrypted"));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string TargetFormatName(KeyTarget t, int ppkVersion) => t switch
    {
        KeyTarget.OpenSsh => "openssh",
        KeyTarget.Ppk => ppkVersion == 2 ? "ppk-v2" : "ppk-v3",
        _ => "pem-any",
    };

    /// <summary>Creates the file with mode 0600 from the start (never readable by others, even briefly), atomically.</summary>
    internal static void WritePrivateFile(string path, string text, bool force)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Environment.ProcessId + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                if (OperatingSystem.IsWindows()) KeyFilePermissions.RestrictToCurrentUser(temp);
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(true);
            }
            File.Move(temp, full, overwrite: force);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    // ---- loading and passphrases -----------------------------------------------------------------

    /// <summary>
    /// Loads FILE; a passphrase comes from --passphrase-file, else from a prompt on a terminal when
    /// <paramref name="promptWhen"/> says the result lacks what the command needs.
    /// </summary>
    private static KeyFileInfo Load(CliIo io, Messages m, string path, string? passphraseFile, Func<KeyFileInfo, bool> promptWhen)
        => LoadWithPassphrase(io, m, path, passphraseFile, promptWhen).Info;

    private static (KeyFileInfo Info, string? Passphrase) LoadWithPassphrase(CliIo io, Messages m, string path, string? passphraseFile, Func<KeyFileInfo, bool> promptWhen)
    {
        try
        {
            var passphrase = passphraseFile is null ? null : ReadPassphraseFile(m, passphraseFile);
            var info = KeyFile.Load(path, passphrase);
            if (passphrase is null && info.NeedsPassphrase && promptWhen(info) && CanPrompt())
            {
                passphrase = Prompt(io.Err, m.Get("keys.prompt.passphrase", ("path", path)));
                if (!string.IsNullOrEmpty(passphrase)) info = KeyFile.Load(path, passphrase);
            }
            return (info, info.Encrypted ? passphrase : null);
        }
        catch (KeyFormatException e)
        {
            throw new UsageException(e.Localized(m));
        }
    }

    private static string ReadPassphraseFile(Messages m, string file)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            var text = Encoding.UTF8.GetString(bytes);
            var end = text.IndexOfAny(['\r', '\n']);
            return end < 0 ? text : text[..end];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(m.Get("keys.error.passphrase_file", ("path", file)));
        }
    }

    /// <summary>Tests turn the terminal prompt off so that a test host's console never blocks.</summary>
    internal static bool PromptEnabled { get; set; } = Environment.GetEnvironmentVariable("SSHDOCTOR_NO_PROMPT") is null or "";

    private static bool StdoutIsTerminal() => !Console.IsOutputRedirected;

    private static bool CanPrompt() => PromptEnabled && !Console.IsInputRedirected && !Console.IsErrorRedirected;

    private static string? Prompt(TextWriter err, string prompt)
    {
        err.Write(prompt);
        err.Flush();
        var sb = new StringBuilder();
        while (true)
        {
            var k = Console.ReadKey(intercept: true);
            if (k.Key == ConsoleKey.Enter) break;
            if (k.Key == ConsoleKey.Backspace) { if (sb.Length > 0) sb.Length--; continue; }
            if (k.Key == ConsoleKey.Escape) { err.WriteLine(); return null; }
            if (k.KeyChar != '\0') sb.Append(k.KeyChar);
        }
        err.WriteLine();
        return sb.ToString();
    }
}

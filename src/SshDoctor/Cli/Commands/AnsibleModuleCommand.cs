using System.CommandLine;
using System.Text;
using System.Text.Json;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Commands;

/// <summary>
/// sshdoctor as an Ansible module: Ansible runs a binary module as `MODULE ARGSFILE` (and a WANT_JSON script the same
/// way); the arguments file is JSON. Runs `check` (with candidates when given) and prints Ansible's result JSON:
/// changed (always false: check never writes), failed, msg, the findings and the whole check document.
/// </summary>
public static class AnsibleModuleCommand
{
    /// <summary>The file name under which Ansible runs the binary as a module (library/sshdoctor_check).</summary>
    public const string ModuleName = "sshdoctor_check";

    private static readonly HashSet<string> Known =
        ["root", "user", "all_users", "key", "from", "candidate", "candidate_content", "lang", "fail_on_loss", "fail_on_blocking"];

    public static Command Create(CliIo io)
    {
        var argsFile = new Argument<string>("ARGSFILE") { Description = "The JSON arguments file Ansible passes to a module." };
        var command = new Command("ansible-module",
            "Run as an Ansible module (Ansible calls it with its arguments file). Arguments: root, user or all_users, key, from, " +
            "candidate (remote paths, FILE or FILE=/etc/ssh/...), candidate_content (target path: text), lang, fail_on_loss (default true), " +
            "fail_on_blocking (default true without candidates). Never changes the host; supports check mode.\n\n" +
            "Install: copy the binary to library/" + ModuleName + " beside your playbook (see docs/ansible/).");
        command.Arguments.Add(argsFile);
        command.SetAction(parse => Run(parse.GetValue(argsFile)!, io));
        return command;
    }

    public static int Run(string argsFile, CliIo io)
    {
        string? tempDir = null;
        try
        {
            using var args = ReadArgs(argsFile);
            var a = args.RootElement;
            if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("ANSIBLE_MODULE_ARGS", out var wrapped)) a = wrapped;
            if (a.ValueKind != JsonValueKind.Object) return Fail(io, "the arguments file is not a JSON object");
            foreach (var p in a.EnumerateObject())
                if (!p.Name.StartsWith("_ansible", StringComparison.Ordinal) && !Known.Contains(p.Name))
                    return Fail(io, $"unsupported parameter: {p.Name} (supported: {string.Join(", ", Known.Order(StringComparer.Ordinal))})");

            var cli = new List<string> { "check", "--json", "--root", Text(a, "root") ?? "/" };
            if (Text(a, "lang") is { } lang) cli.AddRange(["--lang", lang]);
            if (Text(a, "user") is { } user) cli.AddRange(["--user", user]);
            else if (Flag(a, "all_users") ?? true) cli.Add("--all-users");
            if (Text(a, "key") is { } key) cli.AddRange(["--key", key]);
            if (Text(a, "from") is { } from) cli.AddRange(["--from", from]);
            var candidates = Strings(a, "candidate");
            if (a.TryGetProperty("candidate_content", out var content) && content.ValueKind == JsonValueKind.Object)
            {
                tempDir = Directory.CreateTempSubdirectory("sshdoctor-ansible-").FullName;
                var n = 0;
                foreach (var file in content.EnumerateObject())
                {
                    var local = Path.Combine(tempDir, $"candidate-{n++}");
                    File.WriteAllText(local, file.Value.GetString() ?? "");
                    candidates.Add(local + "=" + file.Name);
                }
            }
            foreach (var c in candidates) cli.AddRange(["--candidate", c]);

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = CliApp.Run([.. cli], stdout, stderr);
            var withCandidates = candidates.Count > 0;
            var failOn = withCandidates ? Flag(a, "fail_on_loss") ?? true : Flag(a, "fail_on_blocking") ?? true;
            WriteResult(io, exit, stdout.ToString(), stderr.ToString().Trim(), failOn, LangResolver.Resolve(Text(a, "lang")));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return Fail(io, e.Message);
        }
        finally
        {
            if (tempDir is not null) Directory.Delete(tempDir, recursive: true);
        }
    }

    private static JsonDocument ReadArgs(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > 1024 * 1024) throw new IOException($"cannot read the arguments file {path}");
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }

    private static void WriteResult(CliIo io, int exit, string json, string error, bool failOn, Lang lang)
    {
        var m = Messages.For(lang);
        using var doc = json.Length > 0 ? JsonDocument.Parse(json) : null;
        var root = doc?.RootElement;
        var failed = exit is ExitCodes.Usage or ExitCodes.Undecided || (exit == ExitCodes.Blocking && failOn);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteBoolean("changed", false);
            w.WriteBoolean("failed", failed);
            w.WriteNumber("rc", exit);
            w.WriteString("msg", Summary(root, exit, error, m));
            if (root is { } r)
            {
                foreach (var field in new[] { "verdict", "result" })
                    if (r.TryGetProperty(field, out var v)) { w.WritePropertyName(field); v.WriteTo(w); }
                foreach (var field in new[] { "findings", "changes", "summary" })
                    if (r.TryGetProperty(field, out var v)) { w.WritePropertyName(field); v.WriteTo(w); }
                w.WritePropertyName("sshdoctor");
                r.WriteTo(w);
            }
            w.WriteEndObject();
        }
        io.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        io.Out.Flush();
    }

    private static string Summary(JsonElement? doc, int exit, string error, Messages m)
    {
        if (doc is not { } d) return error.Length > 0 ? error : $"sshdoctor check exited {exit}";
        if (d.TryGetProperty("summary", out var s) && s.TryGetProperty("accounts_losing_all_access", out var losing))
        {
            var users = losing.EnumerateArray().Select(u => u.GetString()).ToList();
            if (d.TryGetProperty("result", out var result) && result.GetString() == "invalid") return m.Get("ui.candidate.server_down");
            if (users.Count > 0) return m.Get("ui.candidate.losing_all", ("users", string.Join(", ", users)));
            return exit == ExitCodes.Blocking ? m.Get("ui.candidate.some_keys_lost") : m.Get("ui.candidate.no_loss");
        }
        var refused = d.TryGetProperty("users", out var us)
            ? us.EnumerateArray().Where(u => u.GetProperty("verdict").GetString() == "refused").Select(u => u.GetProperty("user").GetString()).ToList()
            : [];
        var verdict = d.TryGetProperty("verdict", out var v) ? v.GetString() : null;
        return refused.Count > 0 ? m.Get("ansible.refused", ("users", string.Join(", ", refused)))
            : m.Get(verdict == "refused" ? "ansible.refused_one" : "ansible.ok");
    }

    private static int Fail(CliIo io, string message)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteBoolean("changed", false);
            w.WriteBoolean("failed", true);
            w.WriteString("msg", "sshdoctor: " + message);
            w.WriteEndObject();
        }
        io.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        return ExitCodes.Blocking;
    }

    private static string? Text(JsonElement a, string name) =>
        a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static bool? Flag(JsonElement a, string name) =>
        a.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => v.GetString()?.ToLowerInvariant() is "yes" or "true" or "1" or "on",
                _ => null,
            }
            : null;

    private static List<string> Strings(JsonElement a, string name)
    {
        if (!a.TryGetProperty(name, out var v)) return [];
        if (v.ValueKind == JsonValueKind.String) return v.GetString() is { Length: > 0 } s ? [s] : [];
        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToList() : [];
    }
}

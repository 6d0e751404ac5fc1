using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SshDoctor.Ec2Emulator.Http;

namespace SshDoctor.Ec2Emulator.Ssm;

/// <summary>One declared parameter of a Command document: its type, default (none: required), allowedPattern, allowedValues.</summary>
internal sealed record DocumentParameter(string Name, string Type, string Description, string? Default, string? AllowedPattern, IReadOnlyList<string>? AllowedValues);

/// <summary>
/// A Command document's content (schemaVersion 2.2, JSON) as the EMULATOR understands it: its parameters and its one
/// aws:runShellScript step. <see cref="Parse"/> refuses what SSM's CreateDocument refuses (InvalidDocumentContent,
/// InvalidDocumentSchemaVersion) and, as an emulator limit said in the message, what it does not run (other actions,
/// more than one step). <see cref="Resolve"/> checks SendCommand's parameters as SSM does (declared only, one value
/// for a String, allowedPattern over the whole value, allowedValues, defaults, required) and <see cref="Script"/>
/// substitutes {{ name }} into the step's runCommand lines.
/// </summary>
internal sealed partial class CommandDocument
{
    public const int DefaultStepTimeout = 3600;
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public string SchemaVersion { get; }
    public string Description { get; }
    public IReadOnlyList<DocumentParameter> Parameters { get; }
    public string StepName { get; }
    public string Action { get; }
    public IReadOnlyList<string> RunCommand { get; }
    public int TimeoutSeconds { get; }

    private CommandDocument(string schemaVersion, string description, IReadOnlyList<DocumentParameter> parameters, string stepName, string action,
        IReadOnlyList<string> runCommand, int timeoutSeconds)
    {
        SchemaVersion = schemaVersion;
        Description = description;
        Parameters = parameters;
        StepName = stepName;
        Action = action;
        RunCommand = runCommand;
        TimeoutSeconds = timeoutSeconds;
    }

    [GeneratedRegex(@"\{\{\s*([^{}\s]+)\s*\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex("^[a-zA-Z0-9_]+$")]
    private static partial Regex ParameterName();

    [GeneratedRegex("^[a-zA-Z0-9_.-]{1,100}$")]
    private static partial Regex StepNamePattern();

    private static ApiError Content(string message) => new(400, "InvalidDocumentContent", message);
    private static ApiError BadParameters(string message) => new(400, "InvalidParameters", message);

    /// <summary>Parses and validates the content of a JSON Command document.</summary>
    /// <exception cref="ApiError">InvalidDocumentContent or InvalidDocumentSchemaVersion</exception>
    public static CommandDocument Parse(string content)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(content) as JsonObject ?? throw Content("The document content is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw Content("The document content is not valid JSON: " + e.Message);
        }
        var schema = root["schemaVersion"] is JsonValue sv && sv.TryGetValue<string>(out var s) ? s : throw Content("schemaVersion is required and must be a string.");
        if (schema is not ("1.2" or "2.0" or "2.2")) throw new ApiError(400, "InvalidDocumentSchemaVersion", $"Document schema version, {schema}, is not supported.");
        if (schema != "2.2") throw new ApiError(400, "InvalidDocumentSchemaVersion", $"Document schema version {schema}: this emulator runs schemaVersion 2.2 documents only.");
        var description = root["description"] is JsonValue dv && dv.TryGetValue<string>(out var d) ? d : root["description"] is null ? "" : throw Content("description must be a string.");
        var parameters = ParseParameters(root["parameters"]);
        if (root["mainSteps"] is not JsonArray { Count: > 0 } steps) throw Content("mainSteps is required and must be a non-empty list of steps.");
        if (steps.Count > 1) throw Content("This emulator runs documents of one step only.");
        var step = steps[0] as JsonObject ?? throw Content("Each step of mainSteps must be an object.");
        var action = Text(step, "action") ?? throw Content("Step 1 has no action.");
        var name = Text(step, "name") ?? throw Content("Step 1 has no name.");
        if (!StepNamePattern().IsMatch(name)) throw Content($"Step name {name} must be 1 to 100 of letters, digits, '_', '-', '.'.");
        if (action != "aws:runShellScript") throw Content($"Action {action}: this emulator runs aws:runShellScript steps only.");
        if (step["precondition"] is { } pre) CheckPrecondition(pre);
        var inputs = step["inputs"] as JsonObject ?? throw Content($"Step {name} has no inputs.");
        var lines = inputs["runCommand"] switch
        {
            JsonArray a when a.Count > 0 && a.All(l => l is JsonValue v && v.TryGetValue<string>(out _)) => a.Select(l => l!.GetValue<string>()).ToList(),
            _ => throw Content($"Step {name}: inputs.runCommand must be a non-empty list of strings."),
        };
        var timeout = StepTimeout(inputs["timeoutSeconds"], name);
        foreach (var line in lines)
            foreach (Match m in Reference().Matches(line))
            {
                var used = m.Groups[1].Value;
                if (used.Contains(':')) continue; // {{ssm:…}} and similar references are not document parameters
                if (!parameters.Any(p => p.Name == used)) throw Content($"Parameter \"{used}\" is used but undefined.");
            }
        return new CommandDocument(schema, description, parameters, name, action, lines, timeout);
    }

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static void CheckPrecondition(JsonNode pre)
    {
        if (pre is not JsonObject o || o.Count != 1 || o["StringEquals"] is not JsonArray { Count: 2 } pair
            || pair.Any(x => x is not JsonValue v || !v.TryGetValue<string>(out _)) || (string?)pair[0] != "platformType")
            throw Content("precondition: this emulator takes only {\"StringEquals\": [\"platformType\", \"Linux|Windows|MacOS\"]}.");
        if ((string?)pair[1] is not ("Linux" or "Windows" or "MacOS")) throw Content($"precondition: unknown platformType {(string?)pair[1]}.");
    }

    private static int StepTimeout(JsonNode? node, string step)
    {
        if (node is null) return DefaultStepTimeout;
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node is JsonValue n && n.TryGetValue<int>(out var i) ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        if (text is null || !int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t) || t < 1 || t > 172800)
            throw Content($"Step {step}: timeoutSeconds must be an integer between 1 and 172800.");
        return t;
    }

    private static List<DocumentParameter> ParseParameters(JsonNode? node)
    {
        if (node is null) return [];
        if (node is not JsonObject all) throw Content("parameters must be an object.");
        var list = new List<DocumentParameter>();
        foreach (var (name, value) in all)
        {
            if (!ParameterName().IsMatch(name)) throw Content($"Parameter name {name} must be letters, digits and '_'.");
            if (value is not JsonObject p) throw Content($"Parameter {name} must be an object.");
            var type = Text(p, "type") ?? throw Content($"Parameter {name} has no type.");
            if (type is not ("String" or "StringList" or "Boolean" or "Integer" or "StringMap" or "MapList"))
                throw Content($"Parameter {name}: type {type} is not one of String, StringList, Boolean, Integer, StringMap, MapList.");
            if (type is not ("String" or "StringList")) throw Content($"Parameter {name}: this emulator takes String and StringList parameters only.");
            string? pattern = null;
            if (p["allowedPattern"] is { } ap)
            {
                pattern = ap is JsonValue av && av.TryGetValue<string>(out var ps) ? ps : throw Content($"Parameter {name}: allowedPattern must be a string.");
                try { _ = new Regex(pattern, RegexOptions.None, PatternTimeout); }
                catch (ArgumentException e) { throw Content($"Parameter {name}: allowedPattern is not a valid regular expression: {e.Message}"); }
            }
            IReadOnlyList<string>? allowed = null;
            if (p["allowedValues"] is { } avs)
                allowed = avs is JsonArray arr && arr.All(x => x is JsonValue xv && xv.TryGetValue<string>(out _))
                    ? [.. arr.Select(x => x!.GetValue<string>())] : throw Content($"Parameter {name}: allowedValues must be a list of strings.");
            var parameter = new DocumentParameter(name, type, p["description"] is JsonValue dv && dv.TryGetValue<string>(out var desc) ? desc : "",
                DefaultOf(p["default"], name, type), pattern, allowed);
            // A default must pass the parameter's own constraints (else no SendCommand that leaves it out could run).
            if (parameter.Default is { } def)
                foreach (var v in type == "StringList" ? SplitList(def) : [def])
                    if (Violation(parameter, v) is { } why) throw Content($"Parameter {name}: the default {why}");
            list.Add(parameter);
        }
        return list;
    }

    private static string? DefaultOf(JsonNode? node, string name, string type) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a when type == "StringList" && a.All(x => x is JsonValue xv && xv.TryGetValue<string>(out _)) => string.Join(',', a.Select(x => x!.GetValue<string>())),
        _ => throw Content($"Parameter {name}: the default does not match the type {type}."),
    };

    private static IEnumerable<string> SplitList(string joined) => joined.Length == 0 ? [] : joined.Split(',');

    /// <summary>Why VALUE breaks the parameter's allowedPattern (matched over the whole value) or allowedValues; null when it does not.</summary>
    public static string? Violation(DocumentParameter p, string value)
    {
        if (p.AllowedValues is { } values && !values.Contains(value)) return $"value \"{value}\" is not one of the allowedValues.";
        if (p.AllowedPattern is { } pattern)
        {
            bool matches;
            try { matches = Regex.IsMatch(value, @"\A(?:" + pattern + @")\z", RegexOptions.None, PatternTimeout); }
            catch (RegexMatchTimeoutException) { matches = false; }
            if (!matches) return $"value \"{value}\" failed to satisfy constraint: does not match the allowedPattern {pattern}.";
        }
        return null;
    }

    /// <summary>
    /// SendCommand's Parameters checked against the declared ones: every given name declared, one value for a String,
    /// each value passing allowedPattern (over the whole value) and allowedValues; a missing one takes its default, or
    /// is InvalidParameters when it has none. Returns every declared parameter's values.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Resolve(JsonObject? given)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, node) in given ?? [])
        {
            var p = Parameters.FirstOrDefault(x => x.Name == name) ?? throw BadParameters($"Parameter \"{name}\" is not defined in the document.");
            if (node is not JsonArray a || a.Any(x => x is not JsonValue v || !v.TryGetValue<string>(out _)))
                throw BadParameters($"Parameter \"{name}\" must be a list of strings.");
            var list = a.Select(x => x!.GetValue<string>()).ToList();
            if (p.Type == "String" && list.Count != 1) throw BadParameters($"Parameter \"{name}\" is of type String and takes exactly one value.");
            foreach (var v in list)
                if (Violation(p, v) is { } why) throw BadParameters($"Parameter \"{name}\" {why}");
            values[name] = list;
        }
        foreach (var p in Parameters)
        {
            if (values.ContainsKey(p.Name)) continue;
            if (p.Default is null) throw BadParameters($"Parameter \"{p.Name}\" is required.");
            values[p.Name] = p.Type == "StringList" ? [.. SplitList(p.Default)] : [p.Default];
        }
        return values;
    }

    /// <summary>
    /// The step's runCommand with {{ name }} replaced: a String by its value; a StringList that is a whole line by one line
    /// per value, inside a line by its values joined with ','. Other references ({{ssm:…}}) are left as they are.
    /// </summary>
    public IReadOnlyList<string> Script(IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        var lines = new List<string>();
        foreach (var line in RunCommand)
        {
            var whole = Reference().Match(line);
            if (whole.Success && line.Trim() == whole.Value
                && Parameters.FirstOrDefault(p => p.Name == whole.Groups[1].Value) is { Type: "StringList" } list)
            {
                lines.AddRange(values[list.Name]);
                continue;
            }
            lines.Add(Reference().Replace(line, m => values.TryGetValue(m.Groups[1].Value, out var v) ? string.Join(',', v) : m.Value));
        }
        return lines;
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SshDoctor.Cli.Output;

/// <summary>Writes one JSON document (trim-safe: callers pass source-generated type info).</summary>
public static class JsonOut
{
    /// <summary>Options for a source-generated context: pass to its constructor (one instance per context).</summary>
    public static JsonSerializerOptions CreateOptions() => new()
    {
        WriteIndented = true,
        // Keep Korean, Japanese and accented text readable instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The same, on one line: for --format jsonl, one document per target.</summary>
    public static JsonSerializerOptions CreateCompactOptions()
    {
        var options = CreateOptions();
        options.WriteIndented = false;
        return options;
    }

    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> typeInfo)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
        writer.Flush();
    }
}

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
        // Commands write through a WatchedWriter (which only notes that something was written): see through it.
        var watched = writer as WatchedWriter;
        if (ReferenceEquals(watched?.Inner ?? writer, Console.Out) && !OperatingSystem.IsWindows() &&
            Console.OutputEncoding.CodePage == 65001)
        {
            watched?.MarkWritten();
            // The process's own stdout, in UTF-8: stream it in chunks (an --all-users report is megabytes) instead of
            // building the whole document as a string first (twice, through the watcher). Same bytes. Through a
            // buffer: the console stream passes each of the serializer's small writes to write(2).
            writer.Flush();
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            JsonSerializer.Serialize(stdout, value, typeInfo);
            stdout.Write("\n"u8);
            return;
        }
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
        writer.Flush();
    }
}

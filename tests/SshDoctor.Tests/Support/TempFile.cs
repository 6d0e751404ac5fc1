namespace SshDoctor.Tests.Support;

/// <summary>A file in its own temp directory, deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sshdoctor-unit-f-").FullName;
    public string Path { get; }

    public TempFile(string name, string content) : this(name, System.Text.Encoding.UTF8.GetBytes(content)) { }

    public TempFile(string name, byte[] content)
    {
        Path = System.IO.Path.Combine(_dir, name);
        File.WriteAllBytes(Path, content);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

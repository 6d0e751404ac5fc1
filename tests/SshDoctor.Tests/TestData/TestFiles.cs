using System.Runtime.CompilerServices;

namespace SshDoctor.Tests;

/// <summary>Files under tests/SshDoctor.Tests/TestData, read from the source tree.</summary>
internal static class TestFiles
{
    public static string Dir([CallerFilePath] string here = "") => Path.GetDirectoryName(Path.GetDirectoryName(here))!;

    public static string PathOf(string relative) => Path.Combine(Dir(), relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));
}

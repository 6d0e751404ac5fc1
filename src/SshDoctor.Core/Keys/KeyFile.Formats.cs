namespace SshDoctor.Core.Keys;

public static partial class KeyFile
{
    private static partial KeyFileInfo ParsePrivateOrOther(string text, byte[] content)
        => throw new KeyFormatException("unrecognized key format");
}

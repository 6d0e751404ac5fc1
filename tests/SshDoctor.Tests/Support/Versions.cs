using SshDoctor.Core.Target;

namespace SshDoctor.Tests.Support;

public static class Versions
{
    public static OpenSshVersion V(string text) => OpenSshVersion.TryParse(text, "test")!;
    public static readonly OpenSshVersion V92 = V("9.2p1");
}

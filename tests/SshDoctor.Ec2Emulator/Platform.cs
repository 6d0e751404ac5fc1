// The emulator runs instances in Linux namespaces with the real sshd: nothing here runs elsewhere.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

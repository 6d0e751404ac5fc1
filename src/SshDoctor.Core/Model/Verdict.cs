namespace SshDoctor.Core.Model;

public enum Verdict { Accepted, Refused, Unknown }

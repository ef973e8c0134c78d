namespace PipelineFunctions.Core.Exchange;

/// <summary>What a participant is in the service studied; the study lead assigns it per speaker.</summary>
public enum ParticipantRole
{
    PeerWorker,
    Staff,
    ServiceUser,
    Carer,
    Other,
}

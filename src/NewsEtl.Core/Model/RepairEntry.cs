namespace NewsEtl.Model;

/// <summary>
/// One line of the audit trail (repairs.jsonl): a change the cleaner made to a record's text.
/// Repair-stage entries apply in order to the extracted text of <see cref="Field"/> (and paragraph);
/// dedup-stage entries apply to the repaired paragraph list.
/// </summary>
/// <param name="Paragraph">Index in the paragraph list the stage received (title and subtitle: 0).</param>
/// <param name="Offset">Character offset in that text at the moment the change was applied (0 for whole paragraphs).</param>
public sealed record RepairEntry(
    string RecordId,
    string Source,
    string Stage,
    string Kind,
    string Field,
    int Paragraph,
    int Offset,
    string Before,
    string After,
    double Confidence);

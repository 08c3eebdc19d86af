import EnqueteIntake

/// An XML upload checked while its bytes arrive (the intake stage's streamed check): what the
/// portal feeds a request body to, before ``Ingestion/receivedUpload(path:name:checked:)``.
public typealias StreamedXMLCheck = EnqueteIntake.StreamedXMLCheck

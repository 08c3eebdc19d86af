import EnqueteCore
import Testing

@testable import EnqueteServer

/// Roles round-trip through the ledger's columns and grant what the issue says.
@Suite struct RoleTests {
  @Test func rolesRoundTripThroughTheirStoredForm() {
    let roles: [Role] = [
      .service(sirets: ["32351692261539", "77635909369366"]), .departement(code: "2A"),
      .statisticien(surveys: [.mediationFamiliale, .espaceRencontre]),
    ]
    for role in roles { #expect(Role(name: role.name, scope: role.scope) == role) }
    #expect(Role(name: "statisticien", scope: "mediation-familiale,inconnue") == nil)
    #expect(Role(name: "departement", scope: "01,02") == nil)
    #expect(Role(name: "administrateur", scope: "x") == nil)
  }

  @Test func eachRoleReachesOnlyItsOwn() {
    let service = Role.service(sirets: ["32351692261539"])
    #expect(service.maySubmit(for: "32351692261539") && !service.maySubmit(for: "77635909369366"))
    #expect(!service.mayFollow(.mediationFamiliale))
    #expect(!service.mayDownload(survey: .mediationFamiliale, departement: "01"))
    let ain = Role.departement(code: "01")
    #expect(ain.mayDownload(survey: .espaceRencontre, departement: "01"))
    #expect(!ain.mayDownload(survey: .espaceRencontre, departement: "02") && !ain.maySubmit(for: "1"))
    let cnaf = Role.statisticien(surveys: [.mediationFamiliale])
    #expect(cnaf.mayFollow(.mediationFamiliale) && !cnaf.mayFollow(.espaceRencontre))
    #expect(cnaf.mayDownload(survey: .mediationFamiliale, departement: "971"))
  }

  @Test func aMultipartBodyGivesBackItsFileWhateverTheChunking() throws {
    let file = Array("siret;annee\r\n--presque une frontière\r\n12;2025\r\n".utf8)
    let detail = Array("siret;date_reception\r\n12;01/02/2025\r\n".utf8)
    let form = Multipart.form(
      fileName: "dossier/rapport.csv", contentType: "text/csv", bytes: file,
      detail: ("rapport-mesures.csv", detail))
    let all = Array(form.body.readableBytesView)
    for size in [1, 2, 7, 64, all.count] {
      var stream = MultipartFileStream(boundary: Multipart.boundary)
      var received: [UInt8] = []
      var receivedDetail: [UInt8] = []
      var start = 0
      while start < all.count {
        let end = min(all.count, start + size)
        try stream.feed(all[start..<end]) { isDetail, bytes in
          if isDetail { receivedDetail += bytes } else { received += bytes }
        }
        start = end
      }
      #expect(received == file, "chunks of \(size)")
      #expect(receivedDetail == detail, "chunks of \(size)")
      #expect(stream.isComplete && stream.file?.fileName == "rapport.csv")
      #expect(stream.companion?.fileName == "rapport-mesures.csv")
    }
  }
}

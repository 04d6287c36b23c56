"""Members of the Bali Process and the thematic areas records are tagged with."""

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from roster.database import Model

MEMBER_KINDS = ("state", "territory", "organisation")
MEMBER_STATUSES = ("member", "observer")


class Member(Model):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="member")

    def __repr__(self) -> str:
        return f"<Member {self.code}>"

    def to_api(self) -> dict:
        return {"code": self.code, "name": self.name, "kind": self.kind, "status": self.status}


class ThematicArea(Model):
    __tablename__ = "thematic_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    position: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<ThematicArea {self.code}>"

    def to_api(self) -> dict:
        return {"code": self.code, "name": self.name}

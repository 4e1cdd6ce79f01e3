"""The whole Sportello data model, as SQLAlchemy 2 typed models.

Conventions:
- money is stored as integer euro cents (``*_cents``): exact, and checkable in SQL;
- coded values are plain strings validated against the ``StrEnum``s of ``core.codes`` (no
  database enum types, so SQLite and PostgreSQL behave alike and migrations stay simple);
- editable records carry ``version`` for optimistic locking (``VersionedMixin``);
- append-only records (history, audit, attendance) carry no version.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    func,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Mapper,
    declared_attr,
    mapped_column,
    relationship,
)

from sportello.core.codes import (
    ApplicationStatus,
    AppointmentMode,
    AppointmentOutcome,
    AppointmentStatus,
    BusinessStage,
    ClosingReason,
    CohortExit,
    ContractType,
    CourseStatus,
    DeliveryChannel,
    DeliveryStatus,
    DiaryKind,
    DocumentKind,
    DocumentOwner,
    DidStatus,
    ExchangeKind,
    ExchangeStatus,
    FileStatus,
    FundKind,
    FundingStatus,
    JobOfferStatus,
    LegalForm,
    OfficeKind,
    PactStatus,
    PartyKind,
    PathwayKind,
    PathwayOutcome,
    PathwayStatus,
    ProtocolChannel,
    Role,
    SafetyNet,
    VertenzaSafetyNet,
    Sex,
    SuapOutcome,
    VertenzaStatus,
    VoucherStatus,
)
from sportello.core.text import (
    SEARCH_TEXT_MAX,
    SORT_COMUNE_MAX,
    SORT_KEY_MAX,
    SORT_PHONE_MAX,
    worker_search_text,
    worker_sort_keys,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        str: String(200),
        dt.datetime: DateTime(timezone=False),
        dict[str, Any]: JSON,
    }


def _sort_text(length: int) -> String:
    """A sort key's type: on PostgreSQL in the "C" collation, which compares like SQLite's
    default (code point order), whatever the server's own collation; the key is folded
    already, so a linguistic collation would only make the two engines disagree."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")  # type: ignore[return-value]


def utcnow() -> dt.datetime:
    """Naive UTC timestamp (stored without zone on both backends)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def enum_values(e: type[enum.StrEnum]) -> list[str]:
    return [m.value for m in e]


def in_check(column: str, e: type[enum.StrEnum], name: str | None = None) -> CheckConstraint:
    """CHECK that a coded column holds one of the enum's values (NULL allowed)."""
    values = ", ".join(f"'{v}'" for v in enum_values(e))
    return CheckConstraint(f"{column} IS NULL OR {column} IN ({values})", name=name or column)


# --------------------------------------------------------------------------- mixins


class IdMixin:
    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class TimestampMixin:
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        default=utcnow, onupdate=utcnow, server_default=func.now()
    )


class VersionedMixin(TimestampMixin):
    """Optimistic locking: an UPDATE whose version changed meanwhile raises StaleDataError."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.version}


# --------------------------------------------------------------------------- offices, operators, settings


class Office(IdMixin, VersionedMixin, Base):
    __tablename__ = "office"
    __table_args__ = (in_check("kind", OfficeKind),)

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str]
    kind: Mapped[str] = mapped_column(String(20), default=OfficeKind.CPI)
    address: Mapped[Optional[str]]
    comune: Mapped[Optional[str]] = mapped_column(String(100))
    cap: Mapped[Optional[str]] = mapped_column(String(5))
    provincia: Mapped[Optional[str]] = mapped_column(String(2))
    phone: Mapped[Optional[str]] = mapped_column(String(40))
    email: Mapped[Optional[str]] = mapped_column(String(120))
    pec: Mapped[Optional[str]] = mapped_column(String(120))
    logo: Mapped[Optional[bytes]] = mapped_column(LargeBinary)
    signatory_name: Mapped[Optional[str]]
    signatory_role: Mapped[Optional[str]]
    # Opening hours and other per-office preferences, e.g. {"opening": {"mon": [["09:00","12:30"]]}}
    preferences: Mapped[Optional[dict[str, Any]]]

    operators: Mapped[list[Operator]] = relationship(back_populates="office")


class Operator(IdMixin, VersionedMixin, Base):
    __tablename__ = "operator"
    __table_args__ = (in_check("role", Role),)

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), index=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str]
    email: Mapped[Optional[str]] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20), default=Role.OPERATORE)
    password_hash: Mapped[Optional[str]] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Optional[dt.datetime]]
    last_login_at: Mapped[Optional[dt.datetime]]

    office: Mapped[Office] = relationship(back_populates="operators")


class Setting(VersionedMixin, Base):
    """Application-wide settings (approval thresholds, retention, idle lock...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Optional[dict[str, Any]]]


# --------------------------------------------------------------------------- vertenze and workers


class Vertenza(IdMixin, VersionedMixin, Base):
    __tablename__ = "vertenza"
    __table_args__ = (
        in_check("status", VertenzaStatus),
        in_check("safety_net", VertenzaSafetyNet),
        CheckConstraint("cigs_to IS NULL OR cigs_from IS NULL OR cigs_to >= cigs_from",
                        name="cigs_dates"),
    )

    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str]
    company_name: Mapped[str]
    company_cf: Mapped[Optional[str]] = mapped_column(String(16))
    company_piva: Mapped[Optional[str]] = mapped_column(String(11))
    # The safety net in force for the workers (VertenzaSafetyNet) and the CIGS granted, if any.
    safety_net: Mapped[Optional[str]] = mapped_column(String(30))
    cigs_from: Mapped[Optional[dt.date]] = mapped_column(Date)
    cigs_to: Mapped[Optional[dt.date]] = mapped_column(Date)
    site: Mapped[Optional[str]]
    comune: Mapped[Optional[str]] = mapped_column(String(100))
    provincia: Mapped[Optional[str]] = mapped_column(String(2))
    region: Mapped[Optional[str]] = mapped_column(String(60))
    opened_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    agreement_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    closed_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=VertenzaStatus.APERTA)
    workers_expected: Mapped[Optional[int]]
    notes: Mapped[Optional[str]] = mapped_column(Text)


class VertenzaSite(IdMixin, VersionedMixin, Base):
    """One site of the company concerned by a vertenza, with its workers."""

    __tablename__ = "vertenza_site"
    __table_args__ = (
        CheckConstraint("workers_count IS NULL OR workers_count >= 0", name="workers_count"),
    )

    vertenza_id: Mapped[int] = mapped_column(
        ForeignKey("vertenza.id", ondelete="CASCADE"), index=True)
    comune: Mapped[str] = mapped_column(String(100))
    provincia: Mapped[Optional[str]] = mapped_column(String(2))
    address: Mapped[Optional[str]]
    workers_count: Mapped[Optional[int]]


class VertenzaParty(IdMixin, VersionedMixin, Base):
    """Who sits at the tavolo: Region, municipalities, company, unions, RSU, ministry."""

    __tablename__ = "vertenza_party"
    __table_args__ = (in_check("kind", PartyKind),)

    vertenza_id: Mapped[int] = mapped_column(
        ForeignKey("vertenza.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str]
    contact: Mapped[Optional[str]]


class TavoloMeeting(IdMixin, VersionedMixin, Base):
    """A meeting of a vertenza's tavolo, with what was decided and the minutes."""

    __tablename__ = "tavolo_meeting"
    __table_args__ = (
        CheckConstraint("next_meeting_on IS NULL OR next_meeting_on > held_on",
                        name="next_after"),
        Index("ix_tavolo_meeting_vertenza_held", "vertenza_id", "held_on"),
    )

    vertenza_id: Mapped[int] = mapped_column(ForeignKey("vertenza.id", ondelete="CASCADE"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[Optional[str]]
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    attendees: Mapped[Optional[str]] = mapped_column(Text)
    decisions: Mapped[Optional[str]] = mapped_column(Text)
    minutes: Mapped[Optional[str]] = mapped_column(Text)
    documents: Mapped[Optional[str]] = mapped_column(Text)
    next_meeting_on: Mapped[Optional[dt.date]] = mapped_column(Date)


class Worker(IdMixin, VersionedMixin, Base):
    __tablename__ = "worker"
    __table_args__ = (
        in_check("sex", Sex),
        in_check("status", FileStatus),
        in_check("closing_reason", ClosingReason),
        in_check("cohort_exit", CohortExit),
        CheckConstraint("length(codice_fiscale) = 16", name="cf_length"),
        Index("ix_worker_surname_name", "surname", "name"),
        # Sorting the worker list by any column stays an index walk at 100,000 files, on
        # PostgreSQL too: each order ends with id (workers.SORT_COLUMNS), which SQLite's
        # indexes carry anyway and PostgreSQL's must hold (0009). On PostgreSQL the
        # columns that may be empty have a descending twin as well (search.SORT_DESC_INDEXES).
        Index("ix_worker_sort_surname", "sort_surname", "id"),
        Index("ix_worker_sort_name", "sort_name", "id"),
        Index("ix_worker_codice_fiscale_id", "codice_fiscale", "id"),
        Index("ix_worker_birth_date", "birth_date", "id"),
        Index("ix_worker_sort_comune", "sort_comune", "id"),
        Index("ix_worker_sort_phone", "sort_phone", "id"),
        Index("ix_worker_status", "status", "id"),
        Index("ix_worker_updated_at", "updated_at", "id"),
        # monitoring: the files existing at a date and their status, without the table (0012)
        Index("ix_worker_created_status", "created_at", "status"),
    )

    codice_fiscale: Mapped[str] = mapped_column(String(16), unique=True)
    surname: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(100))
    sex: Mapped[Optional[str]] = mapped_column(String(1))
    birth_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    birth_place: Mapped[Optional[str]] = mapped_column(String(100))
    birth_place_code: Mapped[Optional[str]] = mapped_column(String(4))  # Belfiore
    birth_province: Mapped[Optional[str]] = mapped_column(String(2))
    citizenship: Mapped[Optional[str]] = mapped_column(String(60))

    residence_address: Mapped[Optional[str]]
    residence_comune: Mapped[Optional[str]] = mapped_column(String(100))
    residence_cap: Mapped[Optional[str]] = mapped_column(String(5))
    residence_province: Mapped[Optional[str]] = mapped_column(String(2))
    domicile_address: Mapped[Optional[str]]
    domicile_comune: Mapped[Optional[str]] = mapped_column(String(100))
    domicile_cap: Mapped[Optional[str]] = mapped_column(String(5))
    domicile_province: Mapped[Optional[str]] = mapped_column(String(2))

    phone: Mapped[Optional[str]] = mapped_column(String(40))
    mobile: Mapped[Optional[str]] = mapped_column(String(40))
    email: Mapped[Optional[str]] = mapped_column(String(120))

    education_level: Mapped[Optional[str]] = mapped_column(String(60))
    education_title: Mapped[Optional[str]]
    driving_licence: Mapped[Optional[str]] = mapped_column(String(30))
    has_car: Mapped[Optional[bool]] = mapped_column(Boolean)
    skills: Mapped[Optional[str]] = mapped_column(Text)

    privacy_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    privacy_consent_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    privacy_notice_version: Mapped[Optional[str]] = mapped_column(String(20))

    office_id: Mapped[Optional[int]] = mapped_column(ForeignKey("office.id"), index=True)
    assigned_operator_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("operator.id"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default=FileStatus.APERTO)
    closed_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    closing_reason: Mapped[Optional[str]] = mapped_column(String(30))
    notes: Mapped[Optional[str]] = mapped_column(Text)
    # Columns of the Region's lists that Sportello has no field for, kept on request at
    # import: {header as written: value as text}; shown in the file, exported, searched.
    extra_values: Mapped[Optional[dict[str, Any]]]
    # Lower-case, accent-free "surname name cf phone email [extra values]" for search.
    search_text: Mapped[Optional[str]] = mapped_column(String(SEARCH_TEXT_MAX))
    # What the worker list sorts on, filled with search_text (text.worker_sort_keys):
    # "surname name" and "name surname" folded, the folded comune, and the phone the list
    # shows (the mobile, else the landline); empty ones are NULL.
    sort_surname: Mapped[str] = mapped_column(_sort_text(SORT_KEY_MAX), server_default="")
    sort_name: Mapped[str] = mapped_column(_sort_text(SORT_KEY_MAX), server_default="")
    sort_comune: Mapped[Optional[str]] = mapped_column(_sort_text(SORT_COMUNE_MAX))
    sort_phone: Mapped[Optional[str]] = mapped_column(_sort_text(SORT_PHONE_MAX))
    anonymised_at: Mapped[Optional[dt.datetime]]
    # How the worker left the "to place" count of their vertenza's cohort (CohortExit).
    cohort_exit: Mapped[Optional[str]] = mapped_column(String(30))
    cohort_exit_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    cohort_exit_note: Mapped[Optional[str]] = mapped_column(Text)

    languages: Mapped[list[WorkerLanguage]] = relationship(
        back_populates="worker", cascade="all, delete-orphan"
    )
    employments: Mapped[list[EmploymentSituation]] = relationship(
        back_populates="worker", cascade="all, delete-orphan"
    )


class WorkerStatusChange(IdMixin, Base):
    """Append-only: the file's status from ``changed_on`` on (aperto, sospeso, chiuso).

    Written by the services that change ``Worker.status`` (``file_status.record``); a file
    with no row before a date was open then, if it existed. Monitoring reads the status at
    a past date from here (migration 0012 filled it for the files already closed or
    suspended).
    """

    __tablename__ = "worker_status_change"
    __table_args__ = (
        in_check("status", FileStatus),
        Index("ix_worker_status_change_worker_on", "worker_id", "changed_on", "id"),
    )

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[dt.date] = mapped_column(Date)
    changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    reason: Mapped[Optional[str]] = mapped_column(String(30))


class WorkerLanguage(IdMixin, Base):
    __tablename__ = "worker_language"
    __table_args__ = (UniqueConstraint("worker_id", "language"),)

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(40))
    level: Mapped[Optional[str]] = mapped_column(String(10))  # CEFR A1..C2, or "nativo"

    worker: Mapped[Worker] = relationship(back_populates="languages")


class EmploymentSituation(IdMixin, VersionedMixin, Base):
    """Where the worker comes from and what covers them now (CIGS, NASpI, DID, profiling)."""

    __tablename__ = "employment_situation"
    __table_args__ = (
        in_check("did_status", DidStatus),
        in_check("safety_net", SafetyNet),
        Index("ix_employment_situation_vertenza_worker", "vertenza_id", "worker_id"),  # 0012
        CheckConstraint(
            "profiling_index IS NULL OR (profiling_index >= 0 AND profiling_index <= 1)",
            name="profiling_range",
        ),
        CheckConstraint(
            "cigs_end IS NULL OR cigs_start IS NULL OR cigs_end >= cigs_start", name="cigs_dates"
        ),
        CheckConstraint(
            "naspi_end IS NULL OR naspi_start IS NULL OR naspi_end >= naspi_start",
            name="naspi_dates",
        ),
        # A vertenza's cohort and its figures, read from the index alone (0011).
        Index("ix_employment_situation_vertenza_current", "vertenza_id", "is_current",
              "worker_id"),
    )

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    vertenza_id: Mapped[Optional[int]] = mapped_column(ForeignKey("vertenza.id"), index=True)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    former_employer: Mapped[Optional[str]]
    former_employer_cf: Mapped[Optional[str]] = mapped_column(String(16))
    qualifica: Mapped[Optional[str]]
    qualifica_code: Mapped[Optional[str]] = mapped_column(String(10))  # O/I/Q/M/A
    orario: Mapped[Optional[str]] = mapped_column(String(1))  # F full-time, P part-time
    weekly_hours: Mapped[Optional[float]] = mapped_column(Float)
    hired_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    exit_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    safety_net: Mapped[Optional[str]] = mapped_column(String(20))  # codes.SafetyNet
    cigs_start: Mapped[Optional[dt.date]] = mapped_column(Date)
    cigs_end: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    naspi_start: Mapped[Optional[dt.date]] = mapped_column(Date)
    naspi_end: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    did_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    did_channel: Mapped[Optional[str]] = mapped_column(String(40))
    did_status: Mapped[Optional[str]] = mapped_column(String(20))
    profiling_index: Mapped[Optional[float]] = mapped_column(Float)
    profiling_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    profiling_notes: Mapped[Optional[str]] = mapped_column(Text)

    worker: Mapped[Worker] = relationship(back_populates="employments")
    vertenza: Mapped[Optional[Vertenza]] = relationship()


# --------------------------------------------------------------------------- pact, pathways, diary, agenda


class ServicePact(IdMixin, VersionedMixin, Base):
    """Patto di servizio personalizzato; a revision is a new row with the next ``revision``."""

    __tablename__ = "service_pact"
    __table_args__ = (
        UniqueConstraint("worker_id", "revision"),
        Index("ix_service_pact_worker_signed", "worker_id", "signed_on"),  # monitoring, 0012
        in_check("status", PactStatus),
        in_check("gol_path", PathwayKind),
    )

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    status: Mapped[str] = mapped_column(String(20), default=PactStatus.BOZZA)
    signed_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    gol_path: Mapped[Optional[str]] = mapped_column(String(20))
    commitments: Mapped[Optional[str]] = mapped_column(Text)
    review_on: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    notes: Mapped[Optional[str]] = mapped_column(Text)
    supersedes_id: Mapped[Optional[int]] = mapped_column(ForeignKey("service_pact.id"))


class Pathway(IdMixin, VersionedMixin, Base):
    __tablename__ = "pathway"
    __table_args__ = (
        in_check("kind", PathwayKind),
        in_check("status", PathwayStatus),
        in_check("outcome", PathwayOutcome),
        CheckConstraint("end_on IS NULL OR start_on IS NULL OR end_on >= start_on", name="dates"),
        Index("ix_pathway_start_on", "start_on", "id"),  # the pathways list: newest first
        # monitoring reads every pathway at a date from this index alone (0012)
        Index("ix_pathway_monitoring", "worker_id", "kind", "start_on", "end_on", "created_at",
              "outcome"),
    )

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    pact_id: Mapped[Optional[int]] = mapped_column(ForeignKey("service_pact.id"))
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    status: Mapped[str] = mapped_column(String(20), default=PathwayStatus.PROPOSTO, index=True)
    start_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    end_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    outcome: Mapped[Optional[str]] = mapped_column(String(20))
    notes: Mapped[Optional[str]] = mapped_column(Text)


class DiaryEntry(IdMixin, VersionedMixin, Base):
    __tablename__ = "diary_entry"
    __table_args__ = (in_check("kind", DiaryKind),)

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(20), default=DiaryKind.NOTA)
    subject: Mapped[Optional[str]]
    body: Mapped[Optional[str]] = mapped_column(Text)


class Appointment(IdMixin, VersionedMixin, Base):
    __tablename__ = "appointment"
    __table_args__ = (
        in_check("status", AppointmentStatus),
        in_check("outcome", AppointmentOutcome),
        in_check("service", OfficeKind),
        in_check("mode", AppointmentMode),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        Index("ix_appointment_operator_starts", "operator_id", "starts_at"),
        Index("ix_appointment_monitoring", "worker_id", "starts_at", "status", "outcome"),  # 0012
    )

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    office_id: Mapped[Optional[int]] = mapped_column(ForeignKey("office.id"))
    starts_at: Mapped[dt.datetime] = mapped_column(index=True)
    ends_at: Mapped[dt.datetime]
    purpose: Mapped[Optional[str]]
    location: Mapped[Optional[str]]
    # Who the person meets: the CPI's counter or the Sportello Unico (its invitations use it).
    service: Mapped[str] = mapped_column(String(20), default=OfficeKind.CPI, server_default="cpi")
    status: Mapped[str] = mapped_column(String(20), default=AppointmentStatus.PRENOTATO)
    outcome: Mapped[Optional[str]] = mapped_column(String(20))
    outcome_note: Mapped[Optional[str]] = mapped_column(Text)
    # In person, or remote (the virtual desk): the video link or the number to call.
    mode: Mapped[str] = mapped_column(String(10), default=AppointmentMode.PRESENZA,
                                      server_default="presenza")
    remote_link: Mapped[Optional[str]] = mapped_column(String(300))
    # When the person was reminded (call, e-mail or SMS the day before); None: not reminded.
    reminded_at: Mapped[Optional[dt.datetime]]


# --------------------------------------------------------------------------- job reinsertion


class Employer(IdMixin, VersionedMixin, Base):
    __tablename__ = "employer"

    name: Mapped[str]
    cf_piva: Mapped[Optional[str]] = mapped_column(String(16), unique=True)
    address: Mapped[Optional[str]]
    comune: Mapped[Optional[str]] = mapped_column(String(100))
    provincia: Mapped[Optional[str]] = mapped_column(String(2))
    ateco_code: Mapped[Optional[str]] = mapped_column(String(10))
    contact_name: Mapped[Optional[str]]
    phone: Mapped[Optional[str]] = mapped_column(String(40))
    email: Mapped[Optional[str]] = mapped_column(String(120))


class JobOffer(IdMixin, VersionedMixin, Base):
    __tablename__ = "job_offer"
    __table_args__ = (
        in_check("contract_type", ContractType),
        in_check("status", JobOfferStatus),
        CheckConstraint("openings >= 1", name="openings_positive"),
    )

    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    role: Mapped[str]
    qualifica_code: Mapped[Optional[str]] = mapped_column(String(10))
    comune: Mapped[Optional[str]] = mapped_column(String(100))
    provincia: Mapped[Optional[str]] = mapped_column(String(2))
    contract_type: Mapped[str] = mapped_column(String(30))
    weekly_hours: Mapped[Optional[float]] = mapped_column(Float)
    openings: Mapped[int] = mapped_column(Integer, default=1)
    published_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    closing_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    requirements: Mapped[Optional[str]] = mapped_column(Text)
    skills: Mapped[Optional[str]] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=JobOfferStatus.APERTA, index=True)


class Application(IdMixin, VersionedMixin, Base):
    __tablename__ = "application"
    __table_args__ = (UniqueConstraint("worker_id", "job_offer_id"), in_check("status", ApplicationStatus))

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    job_offer_id: Mapped[int] = mapped_column(ForeignKey("job_offer.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ApplicationStatus.PROPOSTA)
    applied_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    notes: Mapped[Optional[str]] = mapped_column(Text)

    history: Mapped[list[ApplicationStatusChange]] = relationship(
        back_populates="application", cascade="all, delete-orphan",
        order_by="ApplicationStatusChange.changed_at",
    )


class ApplicationStatusChange(IdMixin, Base):
    __tablename__ = "application_status_change"
    __table_args__ = (in_check("status", ApplicationStatus),)

    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    note: Mapped[Optional[str]] = mapped_column(Text)

    application: Mapped[Application] = relationship(back_populates="history")


class Hire(IdMixin, VersionedMixin, Base):
    __tablename__ = "hire"
    __table_args__ = (
        in_check("contract_type", ContractType),
        CheckConstraint("end_on IS NULL OR end_on >= hired_on", name="dates"),
    )

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    job_offer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("job_offer.id"))
    application_id: Mapped[Optional[int]] = mapped_column(ForeignKey("application.id"))
    pathway_id: Mapped[Optional[int]] = mapped_column(ForeignKey("pathway.id"))
    hired_on: Mapped[dt.date] = mapped_column(Date)
    end_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    contract_type: Mapped[str] = mapped_column(String(30))
    weekly_hours: Mapped[Optional[float]] = mapped_column(Float)
    qualifica: Mapped[Optional[str]]


# --------------------------------------------------------------------------- self-employment


class BusinessProject(IdMixin, VersionedMixin, Base):
    __tablename__ = "business_project"
    __table_args__ = (in_check("stage", BusinessStage), in_check("legal_form", LegalForm))

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    pathway_id: Mapped[Optional[int]] = mapped_column(ForeignKey("pathway.id"))
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    title: Mapped[str]
    description: Mapped[Optional[str]] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(30), default=BusinessStage.PRE_ACCOGLIENZA, index=True)
    legal_form: Mapped[Optional[str]] = mapped_column(String(30))
    ateco_code: Mapped[Optional[str]] = mapped_column(String(10))
    ateco_edition: Mapped[Optional[str]] = mapped_column(String(10))
    company_name: Mapped[Optional[str]]
    vat_number: Mapped[Optional[str]] = mapped_column(String(11))
    vat_opened_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    comune: Mapped[Optional[str]] = mapped_column(String(100))
    opened_on: Mapped[Optional[dt.date]] = mapped_column(Date)


class BusinessStageEvent(IdMixin, Base):
    """A meeting or note at a stage of a business project."""

    __tablename__ = "business_stage_event"
    __table_args__ = (in_check("stage", BusinessStage),)

    project_id: Mapped[int] = mapped_column(
        ForeignKey("business_project.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[str] = mapped_column(String(30))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    notes: Mapped[Optional[str]] = mapped_column(Text)


class SuapFiling(IdMixin, VersionedMixin, Base):
    __tablename__ = "suap_filing"
    __table_args__ = (in_check("outcome", SuapOutcome),)

    project_id: Mapped[int] = mapped_column(
        ForeignKey("business_project.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="SCIA")
    filed_on: Mapped[dt.date] = mapped_column(Date)
    comune: Mapped[str] = mapped_column(String(100))
    practice_number: Mapped[Optional[str]] = mapped_column(String(60))
    outcome: Mapped[str] = mapped_column(String(30), default=SuapOutcome.IN_ATTESA)
    outcome_on: Mapped[Optional[dt.date]] = mapped_column(Date)


class FundingProgramme(IdMixin, VersionedMixin, Base):
    """Configurable list of funding programmes ("Mettersi in proprio", microcredito...)."""

    __tablename__ = "funding_programme"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[Optional[str]] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class FundingRequest(IdMixin, VersionedMixin, Base):
    __tablename__ = "funding_request"
    __table_args__ = (
        in_check("status", FundingStatus),
        CheckConstraint("requested_cents >= 0", name="requested_nonneg"),
        CheckConstraint("granted_cents IS NULL OR granted_cents >= 0", name="granted_nonneg"),
    )

    project_id: Mapped[int] = mapped_column(
        ForeignKey("business_project.id", ondelete="CASCADE"), index=True
    )
    programme_id: Mapped[int] = mapped_column(ForeignKey("funding_programme.id"))
    requested_cents: Mapped[int] = mapped_column(Integer)
    granted_cents: Mapped[Optional[int]] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=FundingStatus.BOZZA)
    requested_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    decided_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    notes: Mapped[Optional[str]] = mapped_column(Text)


# --------------------------------------------------------------------------- training


class TrainingProvider(IdMixin, VersionedMixin, Base):
    __tablename__ = "training_provider"

    name: Mapped[str]
    cf_piva: Mapped[Optional[str]] = mapped_column(String(16), unique=True)
    address: Mapped[Optional[str]]
    comune: Mapped[Optional[str]] = mapped_column(String(100))
    provincia: Mapped[Optional[str]] = mapped_column(String(2))
    accreditation_code: Mapped[Optional[str]] = mapped_column(String(40))
    accredited_until: Mapped[Optional[dt.date]] = mapped_column(Date)
    contact_name: Mapped[Optional[str]]
    phone: Mapped[Optional[str]] = mapped_column(String(40))
    email: Mapped[Optional[str]] = mapped_column(String(120))


class Course(IdMixin, VersionedMixin, Base):
    __tablename__ = "course"
    __table_args__ = (
        in_check("status", CourseStatus),
        CheckConstraint("hours > 0", name="hours_positive"),
        CheckConstraint("seats >= 0", name="seats_nonneg"),
        CheckConstraint("seats_taken >= 0 AND seats_taken <= seats", name="seats_cap"),
        CheckConstraint("cost_cents >= 0", name="cost_nonneg"),
        CheckConstraint("min_attendance_pct >= 0 AND min_attendance_pct <= 100", name="min_att"),
        CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates"),
    )

    provider_id: Mapped[int] = mapped_column(ForeignKey("training_provider.id"), index=True)
    code: Mapped[Optional[str]] = mapped_column(String(40), unique=True)
    title: Mapped[str]
    area: Mapped[Optional[str]] = mapped_column(String(80))
    hours: Mapped[float] = mapped_column(Float)
    starts_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    ends_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    seats: Mapped[int] = mapped_column(Integer)
    seats_taken: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    cost_cents: Mapped[int] = mapped_column(Integer)
    certificate_type: Mapped[Optional[str]] = mapped_column(String(80))
    min_attendance_pct: Mapped[int] = mapped_column(Integer, default=70)
    location: Mapped[Optional[str]]
    status: Mapped[str] = mapped_column(String(20), default=CourseStatus.PROGRAMMATO)


class CourseSession(IdMixin, VersionedMixin, Base):
    __tablename__ = "course_session"
    __table_args__ = (
        UniqueConstraint("course_id", "starts_at"),
        CheckConstraint("hours > 0", name="hours_positive"),
    )

    course_id: Mapped[int] = mapped_column(ForeignKey("course.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[dt.datetime]
    hours: Mapped[float] = mapped_column(Float)
    topic: Mapped[Optional[str]]


class Fund(IdMixin, VersionedMixin, Base):
    """A fund that pays for training; remaining = budget - committed - spent, never negative."""

    __tablename__ = "fund"
    __table_args__ = (
        in_check("kind", FundKind),
        CheckConstraint("budget_cents >= 0", name="budget_nonneg"),
        CheckConstraint("committed_cents >= 0", name="committed_nonneg"),
        CheckConstraint("spent_cents >= 0", name="spent_nonneg"),
        CheckConstraint("committed_cents + spent_cents <= budget_cents", name="not_overspent"),
    )

    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    year: Mapped[Optional[int]]
    budget_cents: Mapped[int] = mapped_column(Integer)
    committed_cents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    spent_cents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[Optional[str]] = mapped_column(Text)
    # A regional fund's Region (core.regions.REGIONS); NULL: valid everywhere.
    region: Mapped[Optional[str]] = mapped_column(String(60))


class Voucher(IdMixin, VersionedMixin, Base):
    __tablename__ = "voucher"
    __table_args__ = (
        in_check("status", VoucherStatus),
        CheckConstraint("amount_cents >= 0", name="amount_nonneg"),
        CheckConstraint("spent_cents IS NULL OR spent_cents >= 0", name="spent_nonneg"),
        CheckConstraint("hours_attended >= 0", name="hours_nonneg"),
        Index("ix_voucher_requested_on", "requested_on", "id"),  # the vouchers list order
    )

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"), index=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"), index=True)
    pathway_id: Mapped[Optional[int]] = mapped_column(ForeignKey("pathway.id"))
    code: Mapped[Optional[str]] = mapped_column(String(40), unique=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    spent_cents: Mapped[Optional[int]] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=VoucherStatus.RICHIESTO, index=True)
    requested_on: Mapped[dt.date] = mapped_column(Date)
    approved_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    approved_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    expires_on: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    hours_attended: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    certificate_issued_on: Mapped[Optional[dt.date]] = mapped_column(Date)

    history: Mapped[list[VoucherStatusChange]] = relationship(
        back_populates="voucher", cascade="all, delete-orphan",
        order_by="VoucherStatusChange.changed_at",
    )


class VoucherStatusChange(IdMixin, Base):
    __tablename__ = "voucher_status_change"
    __table_args__ = (in_check("status", VoucherStatus),)

    voucher_id: Mapped[int] = mapped_column(ForeignKey("voucher.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    note: Mapped[Optional[str]] = mapped_column(Text)

    voucher: Mapped[Voucher] = relationship(back_populates="history")


class Attendance(IdMixin, Base):
    """One worker (through their voucher) at one course session."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("session_id", "voucher_id"),
        CheckConstraint("hours_attended >= 0", name="hours_nonneg"),
    )

    session_id: Mapped[int] = mapped_column(
        ForeignKey("course_session.id", ondelete="CASCADE"), index=True
    )
    voucher_id: Mapped[int] = mapped_column(ForeignKey("voucher.id", ondelete="CASCADE"), index=True)
    present: Mapped[bool] = mapped_column(Boolean)
    hours_attended: Mapped[float] = mapped_column(Float, default=0.0)
    recorded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# --------------------------------------------------------------------------- letters


class ProtocolCounter(Base):
    """Last protocol number used per office and year (incremented atomically)."""

    __tablename__ = "protocol_counter"

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Letter(IdMixin, Base):
    __tablename__ = "letter"
    __table_args__ = (UniqueConstraint("office_id", "protocol_year", "protocol_number"),
                      in_check("delivery", DeliveryChannel),
                      in_check("delivery_status", DeliveryStatus))

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    protocol_year: Mapped[int] = mapped_column(Integer)
    protocol_number: Mapped[int] = mapped_column(Integer)
    template: Mapped[str] = mapped_column(String(40))
    subject: Mapped[Optional[str]]
    worker_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("worker.id", ondelete="SET NULL"), index=True
    )
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    appointment_id: Mapped[Optional[int]] = mapped_column(ForeignKey("appointment.id"))
    voucher_id: Mapped[Optional[int]] = mapped_column(ForeignKey("voucher.id"))
    pathway_id: Mapped[Optional[int]] = mapped_column(ForeignKey("pathway.id"))
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    pdf: Mapped[Optional[bytes]] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    batch_id: Mapped[Optional[str]] = mapped_column(String(40), index=True)
    # How it reaches the person (NULL: issued before channels existed, on paper). E-mail and
    # PEC letters are "predisposta" when their .eml draft is written, "inviata" when marked.
    delivery: Mapped[Optional[str]] = mapped_column(String(10))
    delivery_status: Mapped[Optional[str]] = mapped_column(String(20))
    sent_at: Mapped[Optional[dt.datetime]]


class Document(IdMixin, VersionedMixin, Base):
    """A document kept in a file, or a document received and protocolled (or both).

    It belongs to a file (``worker_id``) and, inside it, to one record named generically
    (``owner_kind`` + ``owner_id``: a pact revision, a pathway, a voucher...). Its bytes
    are in ``document_chunk`` (none for a protocol entry registered without a file).
    Incoming protocol numbers come from the same counter as the letters'.
    """

    __tablename__ = "document"
    __table_args__ = (
        in_check("kind", DocumentKind),
        in_check("owner_kind", DocumentOwner),
        in_check("channel", ProtocolChannel),
        UniqueConstraint("office_id", "protocol_year", "protocol_number"),
        Index("ix_document_owner", "owner_kind", "owner_id"),
        Index("ix_document_worker_sha256", "worker_id", "sha256"),
    )

    worker_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("worker.id", ondelete="CASCADE"), index=True
    )
    owner_kind: Mapped[str] = mapped_column(String(30), default=DocumentOwner.WORKER)
    owner_id: Mapped[Optional[int]] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default=DocumentKind.ALTRO)
    note: Mapped[Optional[str]] = mapped_column(Text)
    original_name: Mapped[Optional[str]] = mapped_column(String(255))
    mime: Mapped[Optional[str]] = mapped_column(String(100))
    extension: Mapped[Optional[str]] = mapped_column(String(10))
    size: Mapped[Optional[int]] = mapped_column(Integer)
    sha256: Mapped[Optional[str]] = mapped_column(String(64))
    uploaded_by: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    uploaded_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    deleted_at: Mapped[Optional[dt.datetime]]
    deleted_by: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    # protocollo in entrata (all empty for a document that was not protocolled)
    office_id: Mapped[Optional[int]] = mapped_column(ForeignKey("office.id"))
    protocol_year: Mapped[Optional[int]] = mapped_column(Integer)
    protocol_number: Mapped[Optional[int]] = mapped_column(Integer)
    received_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    sender: Mapped[Optional[str]]
    subject: Mapped[Optional[str]]
    channel: Mapped[Optional[str]] = mapped_column(String(10))


class DocumentChunk(Base):
    """A document's bytes, in pieces of at most ``exchange.attachments.CHUNK`` bytes: written
    and read one piece at a time, so a large scan never sits whole in memory."""

    __tablename__ = "document_chunk"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


# --------------------------------------------------------------------------- exchange, audit


class MappingProfile(IdMixin, VersionedMixin, Base):
    """A column mapping for Region sheets saved by a clerk (shipped ones live in resources/)."""

    __tablename__ = "mapping_profile"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(30), default="workers")
    definition: Mapped[dict[str, Any]]


class ExchangeRecord(IdMixin, Base):
    """One import or export of a spreadsheet."""

    __tablename__ = "exchange_record"
    __table_args__ = (in_check("direction", ExchangeKind), in_check("status", ExchangeStatus))

    direction: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(30), default="workers")
    file_name: Mapped[str] = mapped_column(String(400))
    sha256: Mapped[Optional[str]] = mapped_column(String(64), index=True)
    profile: Mapped[Optional[str]] = mapped_column(String(120))
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"))
    vertenza_id: Mapped[Optional[int]] = mapped_column(ForeignKey("vertenza.id"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    rows_total: Mapped[int] = mapped_column(Integer, default=0)
    rows_inserted: Mapped[int] = mapped_column(Integer, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rows_error: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default=ExchangeStatus.COMPLETATO)
    undone_at: Mapped[Optional[dt.datetime]]
    report: Mapped[Optional[dict[str, Any]]]


class ImportChange(IdMixin, Base):
    """What one import did to one record, so the import can be undone as a whole."""

    __tablename__ = "import_change"

    exchange_id: Mapped[int] = mapped_column(
        ForeignKey("exchange_record.id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))  # insert / update
    before: Mapped[Optional[dict[str, Any]]]


class AuditLog(IdMixin, Base):
    """Append-only: who did what, when, with old -> new values."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    operator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("operator.id"), index=True)
    action: Mapped[str] = mapped_column(String(30), index=True)
    entity: Mapped[Optional[str]] = mapped_column(String(40))
    entity_id: Mapped[Optional[int]] = mapped_column(Integer)
    worker_id: Mapped[Optional[int]] = mapped_column(Integer, index=True)  # kept after deletion
    changes: Mapped[Optional[dict[str, Any]]]
    detail: Mapped[Optional[str]] = mapped_column(Text)


class AuditRewrite(IdMixin, Base):
    """A permit to rewrite ``audit_log``, held only inside the transaction that needs it.

    Database triggers (migration 0007) refuse every UPDATE and DELETE of ``audit_log``
    unless a row is here; ``core.audit.rewriting`` inserts it for a merge or an
    anonymisation and deletes it before the transaction ends, so it is never committed.
    """

    __tablename__ = "audit_rewrite"

    reason: Mapped[str] = mapped_column(String(30))



# Every table that points at a worker, and the column that does.
WORKER_CHILDREN = (
    (WorkerLanguage, WorkerLanguage.worker_id), (EmploymentSituation, EmploymentSituation.worker_id),
    (ServicePact, ServicePact.worker_id), (Pathway, Pathway.worker_id),
    (DiaryEntry, DiaryEntry.worker_id), (Appointment, Appointment.worker_id),
    (Application, Application.worker_id), (Hire, Hire.worker_id),
    (BusinessProject, BusinessProject.worker_id), (Voucher, Voucher.worker_id),
    (Letter, Letter.worker_id), (Document, Document.worker_id),
)


# Keeps Worker.search_text and the list's sort keys filled on every ORM insert and update
# (bulk Core writes, which bypass these events, call ``text.worker_search_text`` and
# ``text.worker_sort_keys`` for each row themselves).
@event.listens_for(Worker, "before_insert")
@event.listens_for(Worker, "before_update")
def _fill_search_text(_mapper: Mapper[Any], _connection: Connection, target: Worker) -> None:
    values: dict[str, str | None] = {"search_text": worker_search_text(target),
                                     **worker_sort_keys(target)}
    for key, value in values.items():
        if getattr(target, key) != value:  # unchanged: no UPDATE, no version bump
            setattr(target, key, value)

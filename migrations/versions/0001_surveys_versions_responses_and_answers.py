"""surveys, versions, responses and answers

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 23:45:34.418628
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('surveys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_hour', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('open', 'closed')", name=op.f('ck_surveys_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_surveys')),
    sa.UniqueConstraint('slug', name=op.f('uq_surveys_slug'))
    )
    op.create_table('survey_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('checksum', sa.String(length=64), nullable=False),
    sa.Column('definition', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=255), nullable=False),
    sa.Column('created_hour', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_survey_versions_survey_id_surveys'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_versions')),
    sa.UniqueConstraint('survey_id', 'number', name=op.f('uq_survey_versions_survey_id_number'))
    )
    with op.batch_alter_table('survey_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_versions_survey_id'), ['survey_id'], unique=False)

    op.create_table('responses',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('survey_version_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('started_hour', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_hour', sa.DateTime(timezone=True), nullable=True),
    sa.Column('submission_key', sa.String(length=64), nullable=True),
    sa.CheckConstraint("(status = 'submitted' AND submitted_hour IS NOT NULL AND submission_key IS NOT NULL) OR (status = 'in_progress' AND submitted_hour IS NULL)", name=op.f('ck_responses_submitted_fields')),
    sa.CheckConstraint("status IN ('in_progress', 'submitted')", name=op.f('ck_responses_status')),
    sa.ForeignKeyConstraint(['survey_version_id'], ['survey_versions.id'], name=op.f('fk_responses_survey_version_id_survey_versions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responses')),
    sa.UniqueConstraint('submission_key', name=op.f('uq_responses_submission_key'))
    )
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_responses_survey_version_id'), ['survey_version_id'], unique=False)

    op.create_table('answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.String(length=32), nullable=False),
    sa.Column('question_key', sa.String(length=64), nullable=False),
    sa.Column('item_key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=64), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.CheckConstraint('value IS NOT NULL OR text IS NOT NULL', name=op.f('ck_answers_has_content')),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], name=op.f('fk_answers_response_id_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answers'))
    )
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answers_response_id'), ['response_id'], unique=False)




def downgrade() -> None:
    
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answers_response_id'))

    op.drop_table('answers')
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responses_survey_version_id'))

    op.drop_table('responses')
    with op.batch_alter_table('survey_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_versions_survey_id'))

    op.drop_table('survey_versions')
    op.drop_table('surveys')

